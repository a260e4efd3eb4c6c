package io.tocsin.api.oauth;

import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The RSA key that signs the authorization server's access tokens (RS256, published at the JWKS
 * endpoint): generated once and kept in the {@code settings} collection, like the login JWT key, so
 * tokens survive restarts and every server on the database issues and accepts the same ones.
 */
@Component
class OAuthSigningKey {

  static final String COLLECTION = "settings";
  static final String SETTING_ID = "oauth_signing_key";
  private static final Logger log = LoggerFactory.getLogger(OAuthSigningKey.class);

  private final RSAKey key;

  OAuthSigningKey(MongoTemplate mongo) {
    this.key = parse(stored(mongo));
  }

  /** The key pair with its key id. */
  RSAKey key() {
    return key;
  }

  private static Document stored(MongoTemplate mongo) {
    Document existing = mongo.findById(SETTING_ID, Document.class, COLLECTION);
    if (existing != null) {
      return existing;
    }
    Document generated = generate();
    try {
      mongo.insert(generated, COLLECTION);
      log.info("Generated an OAuth token signing key (RSA) and stored it in the database");
      return generated;
    } catch (DuplicateKeyException raced) {
      return mongo.findById(SETTING_ID, Document.class, COLLECTION);
    }
  }

  private static Document generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Base64.Encoder base64 = Base64.getEncoder();
      return new Document("_id", SETTING_ID)
          .append("kid", UUID.randomUUID().toString())
          .append("public", base64.encodeToString(pair.getPublic().getEncoded()))
          .append("private", base64.encodeToString(pair.getPrivate().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot generate the OAuth signing key", e);
    }
  }

  private static RSAKey parse(Document stored) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      Base64.Decoder base64 = Base64.getDecoder();
      RSAPublicKey publicKey =
          (RSAPublicKey)
              rsa.generatePublic(new X509EncodedKeySpec(base64.decode(stored.getString("public"))));
      RSAPrivateKey privateKey =
          (RSAPrivateKey)
              rsa.generatePrivate(
                  new PKCS8EncodedKeySpec(base64.decode(stored.getString("private"))));
      return new RSAKey.Builder(publicKey)
          .privateKey(privateKey)
          .keyID(stored.getString("kid"))
          .build();
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException(
          "The stored OAuth signing key (settings " + SETTING_ID + ") cannot be read", e);
    }
  }
}
