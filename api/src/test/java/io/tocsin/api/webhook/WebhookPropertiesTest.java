package io.tocsin.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The documented environment variables bind to the webhook settings; the defaults hold. */
class WebhookPropertiesTest {

  private static WebhookProperties bind(Map<String, Object> env) {
    StandardEnvironment environment = new StandardEnvironment();
    // Boot maps TOCSIN_* names only for a source with the system environment's name.
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
    ConfigurationPropertySources.attach(environment);
    return Binder.get(environment).bindOrCreate("tocsin.webhook", WebhookProperties.class);
  }

  @Test
  void environmentVariablesBind() {
    WebhookProperties p =
        bind(
            Map.of(
                "TOCSIN_WEBHOOK_ALLOW_PRIVATE", "true",
                "TOCSIN_WEBHOOK_RETRY_BASE", "250ms",
                "TOCSIN_WEBHOOK_RETRY_MAX_ATTEMPTS", "3",
                "TOCSIN_WEBHOOK_KEY", "a2V5"));
    assertThat(p.allowPrivate()).isTrue();
    assertThat(p.retry().base()).isEqualTo(Duration.ofMillis(250));
    assertThat(p.retry().maxAttempts()).isEqualTo(3);
    assertThat(p.key()).isEqualTo("a2V5");
  }

  @Test
  void defaults() {
    WebhookProperties p = bind(Map.of());
    assertThat(p.allowPrivate()).isFalse();
    assertThat(p.retry().base()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.retry().cap()).isEqualTo(Duration.ofMinutes(15));
    assertThat(p.retry().maxAttempts()).isEqualTo(10);
    assertThat(p.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.sweep().period()).isEqualTo(Duration.ofSeconds(30));
  }
}
