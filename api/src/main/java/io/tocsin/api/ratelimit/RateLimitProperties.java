package io.tocsin.api.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits ({@code tocsin.rate-limit.*}; env {@code TOCSIN_RATE_LIMIT_PER_MINUTE}, {@code
 * TOCSIN_RATE_LIMIT_INGEST_PER_MINUTE}, {@code TOCSIN_RATE_LIMIT_ENABLED}).
 *
 * @param enabled whether requests are limited at all
 * @param perMinute requests per minute per principal on the API (also the burst size)
 * @param ingestPerMinute ingest requests per minute per principal (a separate, larger budget)
 */
@ConfigurationProperties("tocsin.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("3000") int perMinute,
    @DefaultValue("12000") int ingestPerMinute) {}
