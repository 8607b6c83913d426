package dev.mcsink.localmc.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays the requests the 0.57.1 SDK sent to a recording proxy (a copy of
 * shared/reference/sdk-wire-capture.jsonl). They were signed with access id "ak" and secret "sk".
 */
class CapturedSdkRequestsTest {

  @Test
  void everyCapturedRequestVerifiesWithTheSecretItWasSignedWith() throws IOException {
    RequestAuthenticator authenticator =
        new RequestAuthenticator(new Accounts(Map.of("ak", "sk"), Clock.systemUTC()));

    List<SignedRequest> captured = capturedRequests();

    assertThat(captured).hasSize(10);
    assertThat(captured).allSatisfy(request ->
        assertThat(authenticator.authenticate(request)).isEqualTo(AuthResult.granted("ak")));
  }

  @Test
  void noCapturedRequestVerifiesWithAnotherSecret() throws IOException {
    RequestAuthenticator authenticator =
        new RequestAuthenticator(new Accounts(Map.of("ak", "not-sk"), Clock.systemUTC()));

    assertThat(capturedRequests()).allSatisfy(request ->
        assertThat(authenticator.authenticate(request))
            .isInstanceOfSatisfying(AuthResult.Denied.class,
                denied -> assertThat(denied.errorCode()).isEqualTo("SignatureNotMatch")));
  }

  private static List<SignedRequest> capturedRequests() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<SignedRequest> requests = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        CapturedSdkRequestsTest.class.getResourceAsStream("sdk-wire-capture.jsonl"),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode entry = json.readTree(line);
        Map<String, String> headers = new HashMap<>();
        entry.get("headers").fields()
            .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        requests.add(SignedRequest.fromWire(entry.get("m").asText(), entry.get("path").asText(),
            entry.get("query").asText(), headers));
      }
    }
    return requests;
  }
}
