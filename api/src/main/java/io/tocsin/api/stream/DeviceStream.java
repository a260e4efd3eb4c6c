package io.tocsin.api.stream;

import io.tocsin.api.inventory.DeviceChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored inventory report to the {@code devices} topic as {@code device.updated}.
 */
@Component
class DeviceStream {

  private final StreamPublisher publisher;

  DeviceStream(StreamPublisher publisher) {
    this.publisher = publisher;
  }

  @EventListener
  void onDeviceChanged(DeviceChanged change) {
    publisher.publish(change.tenantId(), StreamTopic.DEVICES, DeviceChanged.TYPE, change.data());
  }
}
