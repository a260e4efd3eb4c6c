package io.tocsin.api.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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
 * Encrypts webhook secrets at rest with AES-256-GCM. The key is {@code TOCSIN_WEBHOOK_KEY} (base64
 * of 32 bytes) or, when unset, a random key generated once and kept in the {@code settings}
 * collection (like the JWT key): convenient, but then whoever reads the database reads the key too.
 * The webhook id is the associated data, so a ciphertext copied onto another webhook fails.
 */
@Component
public class SecretCipher {

  static final String SETTING_ID = "webhook_secret_key";
  private static final String COLLECTION = "settings";
  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final Logger LOG = LoggerFactory.getLogger(SecretCipher.class);

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  SecretCipher(WebhookProperties properties, MongoTemplate mongo) {
    String configured = properties.key();
    byte[] bytes =
        Base64.getDecoder()
            .decode(StringUtils.hasText(configured) ? configured.trim() : stored(mongo));
    if (bytes.length != 32) {
      throw new IllegalStateException("TOCSIN_WEBHOOK_KEY must be the base64 of 32 bytes");
    }
    this.key = new SecretKeySpec(bytes, "AES");
  }

  /** The ciphertext of {@code secret}, bound to {@code webhookId}. */
  public String encrypt(String webhookId, String secret) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed =
        run(Cipher.ENCRYPT_MODE, iv, webhookId, secret.getBytes(StandardCharsets.UTF_8));
    ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
    return PREFIX + Base64.getEncoder().encodeToString(out.array());
  }

  /** The secret sealed by {@link #encrypt}; fails if the key or the webhook id differ. */
  public String decrypt(String webhookId, String ciphertext) {
    if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
      throw new IllegalStateException("webhook " + webhookId + " has no readable secret");
    }
    byte[] all = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
    byte[] iv = java.util.Arrays.copyOf(all, IV_BYTES);
    byte[] sealed = java.util.Arrays.copyOfRange(all, IV_BYTES, all.length);
    return new String(run(Cipher.DECRYPT_MODE, iv, webhookId, sealed), StandardCharsets.UTF_8);
  }

  private byte[] run(int mode, byte[] iv, String webhookId, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(128, iv));
      cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt the secret of webhook "
              + webhookId
              + " (was TOCSIN_WEBHOOK_KEY changed?)",
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
      LOG.info("Generated the webhook secret key and stored it in the database");
      return value;
    } catch (DuplicateKeyException raced) {
      return mongo.findById(SETTING_ID, Document.class, COLLECTION).getString("value");
    }
  }
}
