package io.tocsin.api.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Receiver-side signature checks written independently of the server's signing code (javax.crypto
 * directly), as a receiver would.
 */
final class Verifier {

  private Verifier() {}

  /** {@code X-Tocsin-Signature: sha256=<hex HMAC-SHA256(secret, body)>}. */
  static boolean tocsin(String secret, Receiver.Request r) throws Exception {
    String expected = "sha256=" + HexFormat.of().formatHex(mac(secret, r.body()));
    return constantTimeEquals(expected, r.header("X-Tocsin-Signature"));
  }

  /** Standard Webhooks: {@code v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>}. */
  static boolean standard(String secret, Receiver.Request r) throws Exception {
    String signed = r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body();
    String expected = "v1," + Base64.getEncoder().encodeToString(mac(secret, signed));
    String header = r.header("webhook-signature");
    if (header == null) {
      return false;
    }
    for (String candidate : header.split(" ")) {
      if (constantTimeEquals(expected, candidate)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] mac(String secret, String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean constantTimeEquals(String a, String b) {
    return b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
