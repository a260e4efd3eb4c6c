package io.tocsin.api.webhook;

import io.tocsin.api.security.SealedSecrets;
import java.security.GeneralSecurityException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Encrypts webhook secrets at rest with AES-256-GCM ({@link SealedSecrets}). The key is {@code
 * TOCSIN_WEBHOOK_KEY} (base64 of 32 bytes) or, when unset, a random key generated once and kept in
 * the {@code settings} collection (like the JWT key): convenient, but then whoever reads the
 * database reads the key too. The webhook id is the associated data, so a ciphertext copied onto
 * another webhook fails.
 */
@Component
public class SecretCipher {

  static final String SETTING_ID = "webhook_secret_key";

  private final SealedSecrets sealed;

  SecretCipher(WebhookProperties properties, MongoTemplate mongo) {
    this.sealed = SealedSecrets.load(properties.key(), "TOCSIN_WEBHOOK_KEY", SETTING_ID, mongo);
  }

  /** The ciphertext of {@code secret}, bound to {@code webhookId}. */
  public String encrypt(String webhookId, String secret) {
    return sealed.seal(webhookId, secret);
  }

  /** The secret sealed by {@link #encrypt}; fails if the key or the webhook id differ. */
  public String decrypt(String webhookId, String ciphertext) {
    if (!SealedSecrets.isSealed(ciphertext)) {
      throw new IllegalStateException("webhook " + webhookId + " has no readable secret");
    }
    try {
      return sealed.open(webhookId, ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt the secret of webhook "
              + webhookId
              + " (was TOCSIN_WEBHOOK_KEY changed?)",
          e);
    }
  }
}
