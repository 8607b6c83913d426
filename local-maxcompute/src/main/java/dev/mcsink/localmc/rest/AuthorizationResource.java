package dev.mcsink.localmc.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

/**
 * {@code POST /projects/{p}/authorization?sign_bearer_token}: the SDK's LogView asks for a bearer
 * token that lets a browser read one instance. Nobody here checks such tokens (there is no
 * LogView), so the token is opaque; the policy is still checked the way the service parses it.
 */
final class AuthorizationResource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clock clock;

  AuthorizationResource(Clock clock) {
    this.clock = clock;
  }

  OdpsResponse signBearerToken(String project, OdpsRequest request) {
    JsonNode policy = policy(request);
    long hours = policy.path("expires_in_hours").asLong(0);
    if (hours <= 0 || !policy.path("policy").isObject()) {
      throw ServiceException.badRequest("InvalidParameter",
          "The policy needs a positive expires_in_hours and a policy object");
    }
    long expires = clock.millis() / 1000 + hours * 3600;
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("local-maxcompute:" + project + ":" + expires + ":" + request.requestId()).getBytes(StandardCharsets.UTF_8));
    String xml = new Xml().open("Authorization").element("Result", token).close("Authorization").toString();
    return OdpsResponse.xml(200, xml);
  }

  private static JsonNode policy(OdpsRequest request) {
    try {
      return JSON.readTree(request.body());
    } catch (IOException e) {
      throw ServiceException.badRequest("InvalidParameter", "The policy is not JSON: " + e.getMessage());
    }
  }
}
