package io.tocsin.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Typed view of the {@code tocsin.*} properties; {@code application.yml} maps each {@code TOCSIN_*}
 * environment variable onto them.
 *
 * @param dataDir directory of the embedded store (used only without a MongoDB URI)
 * @param adminPassword password of the bootstrap {@code admin}; random when blank
 * @param selfRegistration whether anonymous callers may register (as viewers)
 * @param maxBodySize largest accepted request body
 * @param bcryptStrength bcrypt work factor (4..31) for new password hashes
 * @param jwt token settings
 * @param login failed-login throttling
 */
@ConfigurationProperties("tocsin")
public record TocsinProperties(
    @DefaultValue("./data") String dataDir,
    String adminPassword,
    @DefaultValue("false") boolean selfRegistration,
    @DefaultValue("10MB") DataSize maxBodySize,
    @DefaultValue("10") int bcryptStrength,
    @DefaultValue Jwt jwt,
    @DefaultValue Login login) {

  /**
   * Access and refresh token settings.
   *
   * @param secret HS256 secret (at least 32 bytes); generated and stored in the database when blank
   * @param ttl lifetime of an access token
   * @param refreshTtl lifetime of a refresh token
   */
  public record Jwt(
      String secret, @DefaultValue("1h") Duration ttl, @DefaultValue("14d") Duration refreshTtl) {}

  /**
   * Failed-login throttling per account and per client address.
   *
   * @param maxFailures failures of one account (from any address) allowed inside the window before
   *     its logins are refused with 429
   * @param window length of the window
   * @param maxFailuresPerAddress failures from one client address (for any names) allowed inside
   *     the window before its logins are refused with 429
   */
  public record Login(
      @DefaultValue("5") int maxFailures,
      @DefaultValue("15m") Duration window,
      @DefaultValue("30") int maxFailuresPerAddress) {}
}
