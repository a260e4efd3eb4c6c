package io.tocsin.api.storage;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.storage.h2.BsonH2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.Ordered;
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

  /** How often writes no request waits for (sweeper, deliveries, retention) are committed. */
  private static final long COMMIT_INTERVAL_MILLIS = 1000;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

  /**
   * The MVStore, with H2's background commit off: {@link EmbeddedStoreCommitter} commits instead.
   * Closed by the server's shutdown (which commits what is left).
   */
  @Bean(destroyMethod = "")
  MVStore embeddedMvStore(TocsinProperties properties) {
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
    return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
  }

  @Bean(destroyMethod = "shutdown")
  MongoServer embeddedMongoServer(
      MVStore store,
      @Value("${tocsin.embedded.secondary-indexes:false}") boolean secondaryIndexes,
      @Value("${tocsin.embedded.port:0}") int port) {
    MongoServer server = new MongoServer(BsonH2Backend.open(store, secondaryIndexes));
    // Loopback only; a fixed port lets local engine workers share this store (scale-out on a
    // laptop).
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    InetSocketAddress address = server.getLocalAddress();
    String file = store.getFileStore() == null ? "(in memory)" : store.getFileStore().getFileName();
    log.info("Embedded store {} listening on {}", file, address);
    return server;
  }

  /** Depends on the server so that it stops committing before the server closes the store. */
  @Bean(destroyMethod = "close")
  @DependsOn("embeddedMongoServer")
  EmbeddedStoreCommitter embeddedStoreCommitter(MVStore store) {
    return new EmbeddedStoreCommitter(store, COMMIT_INTERVAL_MILLIS);
  }

  @Bean
  FilterRegistrationBean<DurableResponseFilter> durableResponseFilter(
      EmbeddedStoreCommitter committer) {
    FilterRegistrationBean<DurableResponseFilter> registration =
        new FilterRegistrationBean<>(new DurableResponseFilter(committer));
    // Right after the request-id filter, so it wraps security, limits and the handlers.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
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
  StoreHealthIndicator embeddedMongoHealthIndicator(MongoTemplate template, MVStore store) {
    return new StoreHealthIndicator(template, "embedded", store::isClosed);
  }
}
