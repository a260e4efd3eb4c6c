package io.tocsin.api.list;

import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.Paging;
import io.tocsin.dsl.Limits;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Macros of a tenant. A macro's condition is checked with the tenant's lists and the other macros
 * (unknown names, types, cycles such as {@code a -> b -> a}); the change must also leave every
 * other macro and every policy valid.
 */
@Service
class MacroService {

  private final MongoTemplate mongo;
  private final DefinitionChanges changes;
  private final Clock clock;

  MacroService(MongoTemplate mongo, DefinitionChanges changes, Clock clock) {
    this.mongo = mongo;
    this.changes = changes;
    this.clock = clock;
  }

  Map<String, Object> list(String tenantId, Paging paging) {
    return changes.page("macros", Macro.class, tenantId, paging, MacroView::of);
  }

  MacroView get(String tenantId, String name) {
    return MacroView.of(find(tenantId, name));
  }

  Result put(String tenantId, String name, Requests.PutMacro body, String user) {
    Names.require(name, "macro");
    if (body == null || body.condition() == null || body.condition().isBlank()) {
      throw ApiException.badRequest("condition is required: {\"condition\": \"...\"}");
    }
    if (body.condition().length() > Limits.MAX_LENGTH) {
      throw ApiException.badRequest(
          "condition is longer than " + Limits.MAX_LENGTH + " characters");
    }
    return changes.save(
        tenantId,
        defs -> defs.withMacro(name, body.condition()),
        name,
        errors -> {
          boolean own = errors.stream().anyMatch(p -> "condition".equals(p.field()));
          return DefinitionValidator.invalid(
              own
                  ? "Macro [" + name + "] is invalid"
                  : "Macro [" + name + "] would break " + DefinitionsGuard.dependents(errors),
              errors);
        },
        () -> {
          Macro old = mongo.findById(Macro.idOf(tenantId, name), Macro.class);
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          Macro macro =
              new Macro(
                  Macro.idOf(tenantId, name),
                  tenantId,
                  name,
                  body.condition(),
                  body.description(),
                  old == null ? now : old.createdAt(),
                  old == null ? user : old.createdBy(),
                  now,
                  user);
          mongo.save(macro);
          return new Result(MacroView.of(macro), old == null);
        });
  }

  void delete(String tenantId, String name) {
    Macro existing = find(tenantId, name);
    changes.delete(tenantId, "Macro [" + name + "]", defs -> defs.withMacro(name, null), existing);
  }

  private Macro find(String tenantId, String name) {
    Macro macro = mongo.findById(Macro.idOf(tenantId, name), Macro.class);
    if (macro == null || !tenantId.equals(macro.tenantId())) {
      throw ApiException.notFound("Macro [" + name + "]");
    }
    return macro;
  }

  /** The stored macro and whether the request created it. */
  record Result(MacroView view, boolean created) {}
}
