package io.tocsin.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code tocsin.security.*}; env {@code TOCSIN_SESSION_CHECK_INTERVAL}, {@code
 * TOCSIN_TOTP_KEY}, {@code TOCSIN_METRICS_TOKEN}).
 *
 * @param sessionCheckInterval how long a server trusts what it last read about a token's user
 *     (exists, active, role, session version); a change made through another server takes effect
 *     here within this interval, a change made through this server at once
 * @param totpKey base64 of 32 bytes: the AES-GCM key that encrypts TOTP secrets at rest; generated
 *     and kept in the database when blank
 * @param metricsToken bearer token a Prometheus scraper sends to read {@code /actuator/prometheus};
 *     when blank only platform admins (JWT) may read it
 */
@ConfigurationProperties("tocsin.security")
public record SecurityProperties(
    @DefaultValue("5s") Duration sessionCheckInterval, String totpKey, String metricsToken) {}
