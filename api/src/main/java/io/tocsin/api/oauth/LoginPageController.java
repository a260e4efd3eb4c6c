package io.tocsin.api.oauth;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The login form of the authorization endpoint: username, password, the MFA code for users who have
 * MFA, and a tenant for names that exist in several. Spring Security's form login handles the POST
 * ({@link TocsinUserLogin}) and returns to the authorization request afterwards.
 */
@Controller
@Hidden
class LoginPageController {

  @GetMapping(value = AuthorizationServerConfiguration.LOGIN, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String loginPage(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String error = request.getParameter("error") == null ? null : lastError(request);
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Sign in to Tocsin</title></head>
        <body><main>
        <h1>Sign in to Tocsin</h1>
        <p>An application asks to use Tocsin on your behalf.</p>
        %s
        <form method="post" action="%s">
        <p><label>Username or email <input name="username" autocomplete="username" required autofocus></label></p>
        <p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
        <p><label>MFA code (if enabled) <input name="mfa_code" inputmode="numeric" autocomplete="one-time-code"></label></p>
        <p><label>Tenant (only if your name exists in several) <input name="tenant"></label></p>
        <input type="hidden" name="%s" value="%s">
        <p><button type="submit">Sign in</button></p>
        </form>
        </main></body></html>
        """
        .formatted(
            error == null ? "" : "<p role=\"alert\">" + HtmlUtils.htmlEscape(error) + "</p>",
            request.getContextPath() + AuthorizationServerConfiguration.LOGIN,
            HtmlUtils.htmlEscape(csrf.getParameterName()),
            HtmlUtils.htmlEscape(csrf.getToken()));
  }

  private static String lastError(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object error =
        session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    return error instanceof AuthenticationException e ? e.getMessage() : "Sign-in failed";
  }
}
