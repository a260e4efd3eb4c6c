package io.tocsin.api.list;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.Paging;
import io.tocsin.dsl.Limits;
import org.springframework.stereotype.Service;

/**
 * Macros of a tenant. A macro's condition is checked with the tenant's lists and the other macros
 * (unknown names, types, cycles such as {@code a -> b -> a}); the change must also leave every
 * other macro and every policy valid ({@link DefinitionChanges}).
 */
@Service
class MacroService {

  private final DefinitionChanges changes;

  MacroService(DefinitionChanges changes) {
    this.changes = changes;
  }

  MacroPage list(String tenantId, Paging paging) {
    return changes.page(DefinitionKind.MACRO, tenantId, paging, MacroView::of, MacroPage::new);
  }

  MacroView get(String tenantId, String name) {
    return MacroView.of(changes.find(DefinitionKind.MACRO, tenantId, name));
  }

  /** Creates or replaces a macro; {@code created} tells which. */
  Saved<MacroView> put(String tenantId, String name, Requests.PutMacro body, String user) {
    Names.require(name, "macro");
    if (body == null || body.condition() == null || body.condition().isBlank()) {
      throw ApiException.badRequest("condition is required: {\"condition\": \"...\"}");
    }
    if (body.condition().length() > Limits.MAX_LENGTH) {
      throw ApiException.badRequest(
          "condition is longer than " + Limits.MAX_LENGTH + " characters");
    }
    return changes
        .put(
            DefinitionKind.MACRO,
            tenantId,
            name,
            user,
            defs -> defs.withMacro(name, body.condition()),
            audit ->
                new Macro(
                    Definition.idOf(tenantId, name),
                    tenantId,
                    name,
                    body.condition(),
                    body.description(),
                    audit.createdAt(),
                    audit.createdBy(),
                    audit.updatedAt(),
                    audit.updatedBy()))
        .map(MacroView::of);
  }

  void delete(String tenantId, String name) {
    changes.delete(DefinitionKind.MACRO, tenantId, name, defs -> defs.withMacro(name, null));
  }
}
