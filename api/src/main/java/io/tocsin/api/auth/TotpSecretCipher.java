package io.tocsin.api.auth;

import io.tocsin.api.security.SealedSecrets;
import io.tocsin.api.security.SecurityProperties;
import java.security.GeneralSecurityException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM ({@link SealedSecrets}), as webhook secrets are:
 * the key is {@code TOCSIN_TOTP_KEY} (base64 of 32 bytes) or, when unset, a random key generated
 * once and kept in the {@code settings} collection. The user id is the associated data, so a
 * ciphertext copied onto another account does not decrypt. Values without the {@code v1:} prefix
 * are plaintext secrets stored before encryption; {@link MfaService} re-encrypts them when it reads
 * them.
 */
@Component
class TotpSecretCipher {

  static final String SETTING_ID = "totp_secret_key";

  private final SealedSecrets sealed;

  TotpSecretCipher(SecurityProperties properties, MongoTemplate mongo) {
    this.sealed = SealedSecrets.load(properties.totpKey(), "TOCSIN_TOTP_KEY", SETTING_ID, mongo);
  }

  static boolean isEncrypted(String stored) {
    return SealedSecrets.isSealed(stored);
  }

  String encrypt(String userId, String secret) {
    return sealed.seal(userId, secret);
  }

  /** The plaintext of a stored value: decrypted, or as is when stored before encryption. */
  String decrypt(String userId, String stored) {
    if (!isEncrypted(stored)) {
      return stored;
    }
    try {
      return sealed.open(userId, stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt the TOTP secret of user " + userId + " (was TOCSIN_TOTP_KEY changed?)",
          e);
    }
  }
}
