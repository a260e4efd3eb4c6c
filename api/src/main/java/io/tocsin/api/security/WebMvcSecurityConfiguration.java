package io.tocsin.api.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the {@link CurrentPrincipal} argument resolver with MVC. */
@Configuration(proxyBeanMethods = false)
class WebMvcSecurityConfiguration implements WebMvcConfigurer {

  private final CurrentPrincipalArgumentResolver resolver;

  WebMvcSecurityConfiguration(CurrentPrincipalArgumentResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(resolver);
  }
}
