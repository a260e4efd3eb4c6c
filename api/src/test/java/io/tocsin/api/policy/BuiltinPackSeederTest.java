package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.rules.BuiltinPolicies;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

class BuiltinPackSeederTest extends DetectionApiTest {

  @Autowired BuiltinPackSeeder seeder;
  @Autowired MongoTemplate mongo;

  @Test
  void firstStartThenBuiltinPackInDefaultTenant() {
    List<String> ids = BuiltinPolicies.load().stream().map(PolicyDefinition::id).toList();

    JsonNode page = ok(admin().get("/api/v1/policies?limit=1000")).body();

    List<String> stored =
        page.path("policies")
            .valueStream()
            .filter(p -> p.path("builtin").asBoolean())
            .map(p -> p.path("id").asString())
            .toList();
    assertThat(stored).containsAll(ids);
    JsonNode one = ok(admin().get("/api/v1/policies/" + ids.get(0) + "/versions/1")).body();
    assertThat(one.path("change").asString()).isEqualTo("seeded");
    assertThat(one.path("changed_by").asString()).isEqualTo("system");
  }

  @Test
  void seedAgainThenNothingAndUserEditsKept() {
    String id = BuiltinPolicies.load().get(0).id();
    ok(admin().post("/api/v1/policies/" + id + "/disable", null));
    try {
      assertThat(seeder.seed()).isZero();

      mongo.remove(
          Query.query(Criteria.where("_id").is(BuiltinPackSeeder.MARKER)), SeedMarker.class);
      assertThat(seeder.seed()).isZero();

      assertThat(admin().get("/api/v1/policies/" + id).body().path("enabled").asBoolean())
          .isFalse();
      assertThat(mongo.findById(BuiltinPackSeeder.MARKER, SeedMarker.class)).isNotNull();
    } finally {
      ok(admin().post("/api/v1/policies/" + id + "/enable", null));
    }
  }
}
