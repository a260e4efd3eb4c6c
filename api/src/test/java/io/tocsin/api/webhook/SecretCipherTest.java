package io.tocsin.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** AES-GCM sealing of webhook secrets. */
class SecretCipherTest {

  private static SecretCipher cipher(byte fill) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, fill);
    WebhookProperties p =
        new WebhookProperties(
            Base64.getEncoder().encodeToString(key), false, null, null, null, 1, null, null, null);
    return new SecretCipher(p, null);
  }

  @Test
  void roundTripsAndIsBoundToTheWebhookAndTheKey() {
    SecretCipher cipher = cipher((byte) 1);
    String sealed = cipher.encrypt("whk_a", "s3cret-value");
    assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
    assertThat(cipher.encrypt("whk_a", "s3cret-value")).as("random IV").isNotEqualTo(sealed);
    assertThat(cipher.decrypt("whk_a", sealed)).isEqualTo("s3cret-value");
    assertThatThrownBy(() -> cipher.decrypt("whk_b", sealed))
        .hasMessageContaining("TOCSIN_WEBHOOK_KEY");
    assertThatThrownBy(() -> cipher((byte) 2).decrypt("whk_a", sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keyMustBe32Bytes() {
    WebhookProperties p =
        new WebhookProperties("AAAA", false, null, null, null, 1, null, null, null);
    assertThatThrownBy(() -> new SecretCipher(p, null)).hasMessageContaining("32 bytes");
  }
}
