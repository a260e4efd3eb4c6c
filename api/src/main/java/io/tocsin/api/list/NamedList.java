package io.tocsin.api.list;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant's named list; the id is {@code tenantId/name}, so a name is unique within a tenant.
 *
 * @param values kept as strings: the language types them against the field they are compared with
 */
@Document("lists")
@CompoundIndex(name = "tenant_name", def = "{'tenantId': 1, 'name': 1}", unique = true)
record NamedList(
    @Id String id,
    String tenantId,
    String name,
    List<String> values,
    String description,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy)
    implements Definition {}
