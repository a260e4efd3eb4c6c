package io.tocsin.api.security;

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
import org.springframework.util.StringUtils;

/**
 * AES-256-GCM for secrets kept at rest (webhook secrets, TOTP secrets): {@code v1:} + base64(IV +
 * ciphertext), with the owner's id as associated data so a value copied onto another record does
 * not open. The key is the configured one (base64 of 32 bytes) or, when none is set, a random key
 * generated once and kept in the {@code settings} collection — convenient, but then whoever reads
 * the database reads the key too.
 */
public final class SealedSecrets {

  private static final String COLLECTION = "settings";
  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final Logger log = LoggerFactory.getLogger(SealedSecrets.class);

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  private SealedSecrets(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * The key {@code configured}, else the one stored under {@code settingId} (generated on first
   * use).
   *
   * @param variable the setting's name for error messages, e.g. {@code TOCSIN_WEBHOOK_KEY}
   */
  public static SealedSecrets load(
      String configured, String variable, String settingId, MongoTemplate mongo) {
    byte[] bytes =
        Base64.getDecoder()
            .decode(StringUtils.hasText(configured) ? configured.trim() : stored(mongo, settingId));
    if (bytes.length != 32) {
      throw new IllegalStateException(variable + " must be the base64 of 32 bytes");
    }
    return new SealedSecrets(bytes);
  }

  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /** {@code plaintext} sealed to {@code ownerId}. */
  public String seal(String ownerId, String plaintext) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed;
    try {
      sealed = run(Cipher.ENCRYPT_MODE, iv, ownerId, plaintext.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
    ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
    return PREFIX + Base64.getEncoder().encodeToString(out.array());
  }

  /**
   * The plaintext of a value {@link #seal} made for {@code ownerId}.
   *
   * @throws GeneralSecurityException when the key or the owner differ (or the value was altered)
   */
  public String open(String ownerId, String sealedValue) throws GeneralSecurityException {
    byte[] all = Base64.getDecoder().decode(sealedValue.substring(PREFIX.length()));
    byte[] iv = Arrays.copyOf(all, IV_BYTES);
    byte[] sealed = Arrays.copyOfRange(all, IV_BYTES, all.length);
    return new String(run(Cipher.DECRYPT_MODE, iv, ownerId, sealed), StandardCharsets.UTF_8);
  }

  private byte[] run(int mode, byte[] iv, String ownerId, byte[] input)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(128, iv));
    cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
    return cipher.doFinal(input);
  }

  private static String stored(MongoTemplate mongo, String settingId) {
    Document existing = mongo.findById(settingId, Document.class, COLLECTION);
    if (existing != null) {
      return existing.getString("value");
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String value = Base64.getEncoder().encodeToString(bytes);
    try {
      mongo.insert(new Document("_id", settingId).append("value", value), COLLECTION);
      log.info("Generated the key {} and stored it in the database", settingId);
      return value;
    } catch (DuplicateKeyException raced) {
      return mongo.findById(settingId, Document.class, COLLECTION).getString("value");
    }
  }
}
