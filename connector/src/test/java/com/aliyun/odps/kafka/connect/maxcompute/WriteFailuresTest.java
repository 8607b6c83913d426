package com.aliyun.odps.kafka.connect.maxcompute;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.OdpsException;
import com.aliyun.odps.tunnel.TunnelException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WriteFailuresTest {
  @ParameterizedTest(name = "HTTP {0} is transient")
  @ValueSource(ints = {429, 500, 502, 503, 504})
  void serverErrorsAndThrottlingAreTransient(int status) {
    assertThat(WriteFailures.classify("Writing", withStatus(status))).isInstanceOf(TransientWriteException.class);
  }

  @ParameterizedTest(name = "HTTP {0} is permanent")
  @ValueSource(ints = {400, 403, 404, 409})
  void otherClientErrorsArePermanentWithTheServiceMessage(int status) {
    RuntimeException failure = WriteFailures.classify("Writing", withStatus(status));

    assertThat(failure).isExactlyInstanceOf(ConnectException.class)
        .hasMessageContaining("HTTP " + status).hasMessageContaining("the service says no");
  }

  @Test
  void aStatusWrappedInAnIoExceptionDecides() {
    IOException wrapped = new IOException("block upload failed", withStatus(400));

    assertThat(WriteFailures.classify("Writing", wrapped)).isExactlyInstanceOf(ConnectException.class);
  }

  @Test
  void anUntrustedCertificateIsPermanentThoughTheHandshakeFailsWithAnIoException() {
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
    handshake.initCause(new CertificateException("unable to find valid certification path to requested target"));

    assertThat(WriteFailures.classify("Writing", new IOException("connect failed", handshake)))
        .isExactlyInstanceOf(ConnectException.class).hasMessageContaining("unable to find valid certification path");
  }

  @Test
  void anAnswerCutOffMidBodyIsTransient() {
    // What the SDK throws when a dropped connection leaves it half an XML document.
    OdpsException unreadable = new OdpsException("Can't bind xml to com.aliyun.odps.Instance$TaskStatusModel",
        new IllegalStateException("premature end of document"));

    assertThat(WriteFailures.classify("Creating a partition", unreadable)).isInstanceOf(TransientWriteException.class);
  }

  @Test
  void anErrorStatusWithAnEmptyBodyIsACutConnectionAndTransient() {
    // What the upsert stream's Netty client builds from a 400 whose body never came.
    TunnelException empty = new TunnelException("request-1", new java.io.ByteArrayInputStream(new byte[0]), 400);
    TunnelException refused = new TunnelException("request-2", new java.io.ByteArrayInputStream(
        "{\"Code\":\"MalformedDataStream\",\"Message\":\"bad pack\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 400);

    assertThat(WriteFailures.classify("Writing", empty)).isInstanceOf(TransientWriteException.class);
    assertThat(WriteFailures.classify("Writing", refused)).isExactlyInstanceOf(ConnectException.class);
  }

  @Test
  void ioErrorsAndTimeoutsWithoutStatusAreTransient() {
    assertThat(WriteFailures.classify("Writing", new SocketTimeoutException("read timed out")))
        .isInstanceOf(TransientWriteException.class);
    assertThat(WriteFailures.classify("Writing", new TunnelException("connect failed", new IOException("refused"))))
        .isInstanceOf(TransientWriteException.class);
  }

  @Test
  void failuresWithoutStatusOrIoCauseArePermanent() {
    assertThat(WriteFailures.classify("Creating partition", new OdpsException("ODPS-0130071: semantic error")))
        .isExactlyInstanceOf(ConnectException.class).hasMessageStartingWith("Creating partition failed");
  }

  private static OdpsException withStatus(int status) {
    TunnelException e = new TunnelException("the service says no");
    e.setStatus(status);
    return e;
  }
}
