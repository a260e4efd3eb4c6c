package io.tocsin.api.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.tocsin.api.security.CurrentPrincipal;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.async.WebAsyncTask;

/** Metadata and security schemes of the OpenAPI document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // Resolved from the security context, not from the request: keep it out of the document.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentPrincipal.class);
    // Cancellable requests return WebAsyncTask<T>: the client receives the T.
    SpringDocUtils.getConfig().addResponseWrapperToIgnore(WebAsyncTask.class);
  }

  /**
   * Describes properties as they travel. The server writes snake_case (spring.jackson
   * property-naming-strategy), but springdoc introspects with its own Jackson 2 mapper, which would
   * otherwise document {@code hasMore} for a field sent as {@code has_more}.
   */
  @Bean
  ModelResolver snakeCaseModelResolver() {
    return new ModelResolver(
        Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
  }

  @Bean
  ErrorResponses errorResponses(ModelResolver snakeCaseModelResolver) {
    return new ErrorResponses(snakeCaseModelResolver);
  }

  @Bean
  TrailingSlashAliases trailingSlashAliases() {
    return new TrailingSlashAliases();
  }

  @Bean
  OpenAPI tocsinOpenApi(@Value("${tocsin.version:0.1.0-SNAPSHOT}") String version) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Tocsin API")
                .version(version)
                .description("Detection platform: events in, policies evaluated, alerts out.")
                .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT"))
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")))
        // A fixed server keeps the committed docs/openapi.json independent of the serving port.
        .servers(List.of(new Server().url("http://localhost:8080")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"));
  }
}
