package io.tocsin.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Folds the Process Monitoring seed's trailing-slash paths ({@code /hosts/{id}/}) into their
 * canonical twin ({@code /hosts/{id}}): both are served, but one entry per endpoint gives SDKs one
 * method and one operation id. Only exact twins are folded, so no endpoint can disappear.
 */
class TrailingSlashAliases implements GlobalOpenApiCustomizer {

  @Override
  public void customise(OpenAPI openApi) {
    Paths paths = openApi.getPaths();
    if (paths == null) {
      return;
    }
    List<String> aliases = new ArrayList<>();
    paths.forEach(
        (path, item) -> {
          String canonical = path.substring(0, path.length() - 1);
          if (path.endsWith("/")
              && path.length() > 1
              && sameOperations(item, paths.get(canonical))) {
            aliases.add(path);
          }
        });
    for (String alias : aliases) {
      PathItem canonical = paths.get(alias.substring(0, alias.length() - 1));
      String note = "Also served at `" + alias + "` (the seed's trailing-slash form).";
      canonical.setDescription(
          canonical.getDescription() == null ? note : canonical.getDescription() + " " + note);
      paths.remove(alias);
    }
  }

  private static boolean sameOperations(PathItem alias, PathItem canonical) {
    return canonical != null
        && alias.readOperationsMap().keySet().equals(canonical.readOperationsMap().keySet());
  }
}
