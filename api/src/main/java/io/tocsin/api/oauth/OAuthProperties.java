package io.tocsin.api.oauth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OAuth settings ({@code tocsin.oauth.*}; env {@code TOCSIN_OAUTH_ISSUER}, {@code
 * TOCSIN_OAUTH_TOKEN_TTL}, {@code TOCSIN_OAUTH_CODE_TTL}).
 *
 * @param issuer the authorization server's issuer URL (e.g. {@code https://tocsin.example.com});
 *     when blank it is taken from each request's scheme, host and port, which suits a single server
 *     but lets the {@code iss} claim vary with the name a client used
 * @param tokenTtl lifetime of access tokens
 * @param codeTtl lifetime of authorization codes
 */
@ConfigurationProperties("tocsin.oauth")
public record OAuthProperties(
    String issuer, @DefaultValue("1h") Duration tokenTtl, @DefaultValue("5m") Duration codeTtl) {}
