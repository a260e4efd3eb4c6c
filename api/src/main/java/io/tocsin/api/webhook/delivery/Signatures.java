package io.tocsin.api.webhook.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature headers of a delivery: Tocsin's own {@code X-Tocsin-Signature: sha256=<hex
 * HMAC-SHA256(secret, body)>} and the Standard Webhooks trio {@code webhook-id}, {@code
 * webhook-timestamp} (Unix seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256(secret,
 * id.timestamp.body)>}. The HMAC key is the secret's UTF-8 bytes.
 */
public final class Signatures {

  private Signatures() {}

  /** Headers for sending {@code body} as delivery {@code id} at {@code epochSeconds}. */
  public static Map<String, String> headers(
      String secret, String id, long epochSeconds, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Tocsin-Signature", "sha256=" + HexFormat.of().formatHex(hmac(secret, body)));
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(epochSeconds));
    headers.put(
        "webhook-signature",
        "v1,"
            + Base64.getEncoder()
                .encodeToString(hmac(secret, id + "." + epochSeconds + "." + body)));
    return headers;
  }

  private static byte[] hmac(String secret, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
