package io.tocsin.api.inventory;

import java.util.Map;

/**
 * A host's latest inventory report was stored, published as a Spring application event on the
 * submitting thread (the {@code devices} stream listens; inventory does not know the stream).
 *
 * @param tenantId tenant of the host
 * @param data the host and its latest numbers, as the {@code device.updated} message carries them
 */
public record DeviceChanged(String tenantId, Map<String, Object> data) {

  /** Type of the stream message this change becomes. */
  public static final String TYPE = "device.updated";
}
