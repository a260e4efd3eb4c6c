package io.tocsin.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.tocsin.api.TocsinApplication;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With a MongoDB URI configured (Boot 4's {@code spring.mongodb.uri} or the legacy {@code
 * spring.data.mongodb.uri}) the server uses that database and starts no embedded store. A separate
 * in-memory wire-compatible server stands in for MongoDB.
 */
class ExternalMongoUriTest {

  @TempDir Path dataDir;
  private MongoServer external;
  private String uri;

  @BeforeEach
  void startExternal() {
    external = new MongoServer(H2Backend.inMemory());
    uri = external.bindAndGetConnectionString() + "/external";
  }

  @AfterEach
  void stopExternal() {
    external.shutdownNow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"spring.mongodb.uri", "spring.data.mongodb.uri"})
  void uriConfiguredThenBootstrapLandsThereAndNoEmbeddedStore(String property) {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(TocsinApplication.class)
            .run(
                "--server.port=0",
                "--" + property + "=" + uri,
                "--tocsin.data-dir=" + dataDir.resolve("unused"),
                "--tocsin.bcrypt-strength=4")) {
      assertThat(context.getBeansOfType(MongoServer.class)).isEmpty();
      assertThat(dataDir.resolve("unused")).doesNotExist();
      try (MongoClient client = MongoClients.create(uri)) {
        Document admin =
            client
                .getDatabase("external")
                .getCollection("users")
                .find(new Document("username", "admin"))
                .first();
        assertThat(admin).isNotNull();
        assertThat(admin.getString("role")).isEqualTo("ADMIN");
      }
    }
  }
}
