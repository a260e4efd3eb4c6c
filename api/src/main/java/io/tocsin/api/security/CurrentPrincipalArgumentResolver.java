package io.tocsin.api.security;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controller methods declare a {@link CurrentPrincipal} parameter. */
@Component
class CurrentPrincipalArgumentResolver implements HandlerMethodArgumentResolver {

  private final CurrentPrincipals principals;

  CurrentPrincipalArgumentResolver(CurrentPrincipals principals) {
    this.principals = principals;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == CurrentPrincipal.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer container,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    return principals.current();
  }
}
