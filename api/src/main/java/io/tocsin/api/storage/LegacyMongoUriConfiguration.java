package io.tocsin.api.storage;

import com.mongodb.ConnectionString;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Honours {@code SPRING_DATA_MONGODB_URI} (DESIGN §8) when Boot 4's own property is not set. */
@Configuration(proxyBeanMethods = false)
@Conditional(OnLegacyUriCondition.class)
class LegacyMongoUriConfiguration {

  @Bean
  MongoConnectionDetails legacyMongoConnectionDetails(Environment env) {
    ConnectionString uri = new ConnectionString(env.getRequiredProperty(MongoUris.LEGACY));
    return () -> uri;
  }
}
