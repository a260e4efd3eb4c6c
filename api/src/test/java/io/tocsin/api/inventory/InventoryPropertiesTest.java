package io.tocsin.api.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class InventoryPropertiesTest {

  @Test
  void environmentVariablesBindByTheirDocumentedNames() {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "test-env",
                Map.of(
                    "TOCSIN_HOST_INACTIVE_AFTER", "2m",
                    "TOCSIN_HOST_HISTORY", "7",
                    "TOCSIN_HOST_MAX_PROCESSES", "500")));

    InventoryProperties p =
        new Binder(ConfigurationPropertySources.get(env))
            .bindOrCreate("tocsin.host", InventoryProperties.class);

    assertThat(p.inactiveAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.history()).isEqualTo(7);
    assertThat(p.maxProcesses()).isEqualTo(500);
  }

  @Test
  void defaultsWhenUnset() {
    InventoryProperties p =
        new Binder(ConfigurationPropertySources.get(new StandardEnvironment()))
            .bindOrCreate("tocsin.host", InventoryProperties.class);

    assertThat(p.inactiveAfter()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.history()).isEqualTo(20);
  }
}
