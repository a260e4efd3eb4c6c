package io.tocsin.api.list;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant's macro: a named condition; the id is {@code tenantId/name}. */
@Document("macros")
@CompoundIndex(name = "tenant_name", def = "{'tenantId': 1, 'name': 1}", unique = true)
record Macro(
    @Id String id,
    String tenantId,
    String name,
    String condition,
    String description,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy)
    implements Definition {}
