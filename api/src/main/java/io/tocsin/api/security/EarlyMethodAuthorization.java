package io.tocsin.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Evaluates a controller method's {@code @PreAuthorize} before MVC binds and validates its
 * arguments, so a caller without the role gets 403 rather than a 400 that reveals the body's rules.
 * Expressions that reference parameters ({@code #name}) are left to method security, which still
 * runs on every call either way.
 */
@Component
class EarlyMethodAuthorization implements HandlerInterceptor {

  private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

  EarlyMethodAuthorization(ApplicationContext context) {
    DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
    handler.setApplicationContext(context);
    manager.setExpressionHandler(handler);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    PreAuthorize annotation =
        AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
    if (annotation == null) {
      annotation =
          AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
    }
    if (annotation == null || annotation.value().contains("#")) {
      return true;
    }
    SimpleMethodInvocation invocation =
        new SimpleMethodInvocation(
            method.getBean(), method.getMethod(), new Object[method.getMethodParameters().length]);
    AuthorizationResult result =
        manager.authorize(SecurityContextHolder.getContext()::getAuthentication, invocation);
    if (result != null && !result.isGranted()) {
      throw new AccessDeniedException("Access Denied");
    }
    return true;
  }
}
