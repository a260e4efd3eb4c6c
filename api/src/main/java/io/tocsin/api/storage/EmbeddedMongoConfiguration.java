package io.tocsin.api.storage;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.storage.h2.BsonH2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Starts the embedded store when no MongoDB URI is configured and points Boot's MongoDB client at
 * it through a {@link MongoConnectionDetails} bean. The store lacks the {@code hello} command
 * Boot's health indicator uses, so a {@code ping}-based indicator takes its bean name.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmbeddedStoreCondition.class)
class EmbeddedMongoConfiguration {

  static final String DATABASE = "tocsin";
  static final String DATA_FILE = "tocsin-store.mv";
  private static final String PRE_BSON_DATA_FILE = "tocsin.mv";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

  @Bean(destroyMethod = "shutdown")
  MongoServer embeddedMongoServer(TocsinProperties properties) {
    Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dir, e);
    }
    Path file = dir.resolve(DATA_FILE);
    if (Files.exists(dir.resolve(PRE_BSON_DATA_FILE))) {
      log.warn(
          "{} was written by a Tocsin version before the BSON storage format and is not read;"
              + " this server uses {}",
          dir.resolve(PRE_BSON_DATA_FILE),
          file);
    }
    MongoServer server = new MongoServer(new BsonH2Backend(MVStore.open(file.toString())));
    InetSocketAddress address = server.bind();
    log.info("Embedded store {} listening on {}", file, address);
    return server;
  }

  @Bean
  MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server) {
    InetSocketAddress address = server.getLocalAddress();
    ConnectionString uri =
        new ConnectionString(
            "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + DATABASE);
    return () -> uri;
  }

  @Bean("mongoHealthContributor")
  HealthIndicator embeddedMongoHealthIndicator(MongoTemplate template) {
    return new StoreHealthIndicator(template, "embedded");
  }
}
