package dev.mcsink.localmc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/local-maxcompute's main class with the real server behind it. */
class LocalMaxComputeMainAgainstServerTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsOneReadyLineWithTheBoundPortOnceItAcceptsConnections(@TempDir Path dir) throws IOException {
    LocalMaxComputeMain main = main();
    LocalMaxComputeMain.commandLine(main).parseArgs("--port", "0", "--data-dir", dir.toString());

    try (LocalMaxCompute service = main.startAndAnnounce()) {
      assertThat(service).as(err.toString(UTF_8)).isNotNull();
      assertThat(service.port()).isPositive();
      assertThat(out.toString(UTF_8).lines()).singleElement(STRING)
          .startsWith("Local MaxCompute ready: endpoint http://127.0.0.1:" + service.port() + "/api ")
          .contains("projects project_name", "key local-access-key", "data " + dir.toAbsolutePath());
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), service.port()), 5_000);
        assertThat(socket.isConnected()).isTrue();
      }
    }
  }

  @Test
  void aPortInUseEndsWithStatusOneAndAClearMessage(@TempDir Path dir) throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int status = LocalMaxComputeMain.commandLine(main())
          .execute("--port", String.valueOf(taken.getLocalPort()), "--data-dir", dir.toString());

      assertThat(status).isEqualTo(1);
      assertThat(err.toString(UTF_8)).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
      assertThat(out.toString(UTF_8)).isEmpty();
    }
  }

  private LocalMaxComputeMain main() {
    return new LocalMaxComputeMain(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8),
        LocalMaxCompute.Builder::start);
  }
}
