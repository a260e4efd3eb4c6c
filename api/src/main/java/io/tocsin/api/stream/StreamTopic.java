package io.tocsin.api.stream;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a message is about. Each topic has the name OpenFrame subscribes to, the CyberPulse channel
 * name and the {@code type} an OpenFrame message carries.
 */
public enum StreamTopic {
  ALERTS("alerts", "security_alerts", "alert"),
  SECURITY_EVENTS("security_events", "security_events", "security_event"),
  DEVICES("devices", "devices", "device"),
  PROJECT_UPDATES("project_updates", "project_updates", "project_update");

  private final String wireName;
  private final String channel;
  private final String messageType;

  StreamTopic(String wireName, String channel, String messageType) {
    this.wireName = wireName;
    this.channel = channel;
    this.messageType = messageType;
  }

  /** The topic name ({@code alerts}), stored in the log. */
  public String wireName() {
    return wireName;
  }

  /** The CyberPulse channel name ({@code security_alerts}). */
  public String channel() {
    return channel;
  }

  /** The OpenFrame message type ({@code alert}). */
  public String messageType() {
    return messageType;
  }

  /** By topic or channel name, case-insensitive. */
  public static Optional<StreamTopic> parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(t -> t.wireName.equals(n) || t.channel.equals(n))
        .findFirst();
  }

  /** Every accepted name, for error messages. */
  public static List<String> names() {
    return Arrays.stream(values())
        .flatMap(t -> java.util.stream.Stream.of(t.wireName, t.channel))
        .distinct()
        .toList();
  }

  static Optional<StreamTopic> ofWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
