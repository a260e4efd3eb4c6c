package io.tocsin.api.storage;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** Reads the configured MongoDB location: Boot 4's property first, then the legacy one. */
final class MongoUris {

  static final String STANDARD = "spring.mongodb.uri";
  static final String LEGACY = "spring.data.mongodb.uri";

  private MongoUris() {}

  static boolean anyConfigured(Environment env) {
    return StringUtils.hasText(env.getProperty(STANDARD))
        || StringUtils.hasText(env.getProperty(LEGACY))
        || StringUtils.hasText(env.getProperty("spring.mongodb.host"));
  }

  static boolean onlyLegacyConfigured(Environment env) {
    return !StringUtils.hasText(env.getProperty(STANDARD))
        && StringUtils.hasText(env.getProperty(LEGACY));
  }
}
