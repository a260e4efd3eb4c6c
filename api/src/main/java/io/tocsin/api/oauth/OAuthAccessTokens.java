package io.tocsin.api.oauth;

import com.nimbusds.jose.JOSEException;
import io.tocsin.api.auth.SessionCheck;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The resource-server side of the authorization server: verifies its RS256 access tokens with the
 * public half of {@link OAuthSigningKey} (expiry, not-before, and the issuer when {@code
 * TOCSIN_OAUTH_ISSUER} is set), then {@link OAuthTokenCheck}. The security configuration sends it
 * every bearer token whose issuer is not the login tokens' {@code tocsin}.
 */
@Component
public class OAuthAccessTokens {

  private final AuthenticationManager manager;

  OAuthAccessTokens(
      OAuthSigningKey key,
      OAuthProperties properties,
      OAuthClientService clients,
      SessionCheck sessions) {
    NimbusJwtDecoder decoder;
    try {
      decoder =
          NimbusJwtDecoder.withPublicKey(key.key().toRSAPublicKey())
              .signatureAlgorithm(SignatureAlgorithm.RS256)
              .build();
    } catch (JOSEException e) {
      throw new IllegalStateException("The OAuth signing key has no RSA public key", e);
    }
    decoder.setJwtValidator(
        StringUtils.hasText(properties.issuer())
            ? JwtValidators.createDefaultWithIssuer(properties.issuer())
            : JwtValidators.createDefault());
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
    provider.setJwtAuthenticationConverter(new OAuthTokenCheck(clients, sessions));
    this.manager = new ProviderManager(provider);
  }

  /** Authenticates a bearer token issued by the authorization server. */
  public AuthenticationManager authenticationManager() {
    return manager;
  }
}
