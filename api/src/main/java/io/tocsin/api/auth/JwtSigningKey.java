package io.tocsin.api.auth;

import io.jsonwebtoken.security.Keys;
import io.tocsin.api.config.TocsinProperties;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The HS256 key: {@code TOCSIN_JWT_SECRET} when set (at least 32 bytes), otherwise a random key
 * generated once and kept in the {@code settings} collection so tokens survive restarts and are
 * shared by every instance on the same database.
 */
@Component
class JwtSigningKey {

  static final String COLLECTION = "settings";
  static final String SETTING_ID = "jwt_signing_key";
  private static final Logger log = LoggerFactory.getLogger(JwtSigningKey.class);

  private final SecretKey key;

  JwtSigningKey(TocsinProperties properties, MongoTemplate mongo) {
    String secret = properties.jwt().secret();
    if (StringUtils.hasText(secret)) {
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 32) {
        throw new IllegalStateException("TOCSIN_JWT_SECRET must be at least 32 bytes (256 bits)");
      }
      this.key = Keys.hmacShaKeyFor(bytes);
    } else {
      this.key = Keys.hmacShaKeyFor(Base64.getDecoder().decode(stored(mongo)));
    }
  }

  SecretKey key() {
    return key;
  }

  private static String stored(MongoTemplate mongo) {
    Document existing = mongo.findById(SETTING_ID, Document.class, COLLECTION);
    if (existing != null) {
      return existing.getString("value");
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String value = Base64.getEncoder().encodeToString(random);
    try {
      mongo.insert(new Document("_id", SETTING_ID).append("value", value), COLLECTION);
      log.info("Generated a JWT signing key and stored it in the database");
      return value;
    } catch (DuplicateKeyException raced) {
      return mongo.findById(SETTING_ID, Document.class, COLLECTION).getString("value");
    }
  }
}
