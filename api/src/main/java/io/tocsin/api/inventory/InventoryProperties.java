package io.tocsin.api.inventory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Host inventory settings ({@code tocsin.host.*}, environment {@code TOCSIN_HOST_*}).
 *
 * @param inactiveAfter a host not seen for this long is inactive ({@code
 *     TOCSIN_HOST_INACTIVE_AFTER})
 * @param history snapshots kept per host; older ones and their processes are deleted on submit
 *     ({@code TOCSIN_HOST_HISTORY})
 * @param maxProcesses most processes one snapshot may carry (400 beyond) ({@code
 *     TOCSIN_HOST_MAX_PROCESSES})
 */
@ConfigurationProperties("tocsin.host")
public record InventoryProperties(
    @DefaultValue("5m") Duration inactiveAfter,
    @DefaultValue("20") int history,
    @DefaultValue("10000") int maxProcesses) {

  public InventoryProperties {
    if (inactiveAfter.isNegative() || inactiveAfter.isZero()) {
      throw new IllegalArgumentException("tocsin.host.inactive-after must be positive");
    }
    if (history < 1) {
      throw new IllegalArgumentException("tocsin.host.history must be at least 1");
    }
    if (maxProcesses < 1) {
      throw new IllegalArgumentException("tocsin.host.max-processes must be at least 1");
    }
  }
}
