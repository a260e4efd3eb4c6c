package io.tocsin.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests whose path no controller or actuator endpoint maps, whatever the method. The
 * filter chain lets them through to MVC, which answers 404 in the error contract, so an unknown
 * path is a 404 for anonymous callers, users and agents alike; paths that exist keep their rules
 * (401 anonymous, 403 without the role).
 */
@Component
public class UnmappedPaths implements RequestMatcher {

  private final ApplicationContext context;
  private volatile List<RequestMappingInfoHandlerMapping> mappings;

  UnmappedPaths(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    for (RequestMappingInfoHandlerMapping mapping : mappings()) {
      if (maps(mapping, request)) {
        return false;
      }
    }
    return true;
  }

  private static boolean maps(
      RequestMappingInfoHandlerMapping mapping, HttpServletRequest request) {
    boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
    if (!parsed) {
      ServletRequestPathUtils.parseAndCache(request);
    }
    try {
      return mapping.getHandler(request) != null;
    } catch (Exception pathMatchedButNotTheRest) {
      // e.g. wrong method or content type: the path exists, so its rules apply.
      return true;
    } finally {
      if (!parsed) {
        ServletRequestPathUtils.clearParsedRequestPath(request);
      }
    }
  }

  private List<RequestMappingInfoHandlerMapping> mappings() {
    List<RequestMappingInfoHandlerMapping> found = mappings;
    if (found == null) {
      found = List.copyOf(context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values());
      mappings = found;
    }
    return found;
  }
}
