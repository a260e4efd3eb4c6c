package io.tocsin.api.policy;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Records that a pack was seeded into a tenant, so it is seeded once per database: deleting or
 * editing a seeded policy is never undone by a restart.
 *
 * @param id {@code <pack>/<tenant>}
 */
@Document("policy_seeds")
record SeedMarker(@Id String id, int policies, Instant seededAt) {}
