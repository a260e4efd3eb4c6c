package io.tocsin.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.tocsin.api.security.CurrentPrincipal;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Metadata and security schemes of the OpenAPI document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // Resolved from the security context, not from the request: keep it out of the document.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentPrincipal.class);
  }

  @Bean
  OpenAPI tocsinOpenApi(@Value("${tocsin.version:0.1.0-SNAPSHOT}") String version) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Tocsin API")
                .version(version)
                .description("Detection platform: events in, policies evaluated, alerts out.")
                .license(new License().name("Apache-2.0")))
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
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
