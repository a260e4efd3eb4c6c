package io.tocsin.api.auth;

import io.tocsin.api.security.SecurityProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM, as webhook secrets are: the key is {@code
 * TOCSIN_TOTP_KEY} (base64 of 32 bytes) or, when unset, a random key generated once and kept in the
 * {@code settings} collection. The user id is the associated data, so a ciphertext copied onto
 * another account does not decrypt. Values without the {@code v1:} prefix are plaintext secrets
 * stored before encryption; {@link MfaService} re-encrypts them when it reads them.
 */
@Component
class TotpSecretCipher {

  static final String SETTING_ID = "totp_secret_key";
  private static final String COLLECTION = "settings";
  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final Logger LOG = LoggerFactory.getLogger(TotpSecretCipher.class);

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  TotpSecretCipher(SecurityProperties properties, MongoTemplate mongo) {
    String configured = properties.totpKey();
    byte[] bytes =
        Base64.getDecoder()
            .decode(StringUtils.hasText(configured) ? configured.trim() : stored(mongo));
    if (bytes.length != 32) {
      throw new IllegalStateException("TOCSIN_TOTP_KEY must be the base64 of 32 bytes");
    }
    this.key = new SecretKeySpec(bytes, "AES");
  }

  static boolean isEncrypted(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  String encrypt(String userId, String secret) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, userId, secret.getBytes(StandardCharsets.UTF_8));
    ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
    return PREFIX + Base64.getEncoder().encodeToString(out.array());
  }

  /** The plaintext of a stored value: decrypted, or as is when stored before encryption. */
  String decrypt(String userId, String stored) {
    if (!isEncrypted(stored)) {
      return stored;
    }
    byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    byte[] iv = Arrays.copyOf(all, IV_BYTES);
    byte[] sealed = Arrays.copyOfRange(all, IV_BYTES, all.length);
    return new String(run(Cipher.DECRYPT_MODE, iv, userId, sealed), StandardCharsets.UTF_8);
  }

  private byte[] run(int mode, byte[] iv, String userId, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(128, iv));
      cipher.updateAAD(userId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt the TOTP secret of user " + userId + " (was TOCSIN_TOTP_KEY changed?)",
          e);
    }
  }

  private static String stored(MongoTemplate mongo) {
    Document existing = mongo.findById(SETTING_ID, Document.class, COLLECTION);
    if (existing != null) {
      return existing.getString("value");
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String value = Base64.getEncoder().encodeToString(bytes);
    try {
      mongo.insert(new Document("_id", SETTING_ID).append("value", value), COLLECTION);
      LOG.info("Generated the TOTP secret key and stored it in the database");
      return value;
    } catch (DuplicateKeyException raced) {
      return mongo.findById(SETTING_ID, Document.class, COLLECTION).getString("value");
    }
  }
}
