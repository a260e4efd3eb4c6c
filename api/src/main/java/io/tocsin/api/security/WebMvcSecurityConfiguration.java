package io.tocsin.api.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the {@link CurrentPrincipal} argument resolver and the early role check with MVC. */
@Configuration(proxyBeanMethods = false)
class WebMvcSecurityConfiguration implements WebMvcConfigurer {

  private final CurrentPrincipalArgumentResolver resolver;
  private final EarlyMethodAuthorization earlyAuthorization;

  WebMvcSecurityConfiguration(
      CurrentPrincipalArgumentResolver resolver, EarlyMethodAuthorization earlyAuthorization) {
    this.resolver = resolver;
    this.earlyAuthorization = earlyAuthorization;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(earlyAuthorization);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(resolver);
  }
}
