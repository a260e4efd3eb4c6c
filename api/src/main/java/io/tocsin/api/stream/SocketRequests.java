package io.tocsin.api.stream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the subscribe and unsubscribe messages of both protocols: CyberPulse {@code
 * {"action":"subscribe","channels":[..]}} or {@code {"type":"subscribe","channel":".."}}, OpenFrame
 * {@code {"type":"subscribe","topics":[..]}}; filters at the top level or under {@code filters}.
 * Bad input throws {@link IllegalArgumentException} with a message for the client.
 */
final class SocketRequests {

  private SocketRequests() {}

  /** The verb: {@code action} (CyberPulse) or {@code type}. */
  static String verb(Map<String, Object> message) {
    Object action = message.get("action");
    Object type = message.get("type");
    return String.valueOf(action != null ? action : type);
  }

  /** Topics named, each with the protocol it was named in. */
  static Map<StreamTopic, Subscription.Protocol> topics(Map<String, Object> message) {
    Map<StreamTopic, Subscription.Protocol> out = new EnumMap<>(StreamTopic.class);
    add(out, message.get("topics"), Subscription.Protocol.OPENFRAME);
    add(out, message.get("channels"), Subscription.Protocol.CYBERPULSE);
    add(out, message.get("channel"), Subscription.Protocol.CYBERPULSE);
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "subscribe: name at least one of topics/channels, known: " + StreamTopic.names());
    }
    return out;
  }

  static StreamFilter filter(Map<String, Object> message) {
    Map<?, ?> f = message.get("filters") instanceof Map<?, ?> m ? m : message;
    return StreamFilter.parse(
        f.get("severity"), first(f, "policy", "policy_id"), first(f, "host", "host_id"));
  }

  /** {@code last_id} or {@code since}: a log id, or null. */
  static Long since(Map<String, Object> message) {
    Object value = message.containsKey("last_id") ? message.get("last_id") : message.get("since");
    if (value == null) {
      return null;
    }
    try {
      long id = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(
        "last_id: expected a non-negative integer, got [" + value + "]");
  }

  private static Object first(Map<?, ?> m, String a, String b) {
    return m.get(a) != null ? m.get(a) : m.get(b);
  }

  private static void add(
      Map<StreamTopic, Subscription.Protocol> out, Object names, Subscription.Protocol protocol) {
    if (names == null) {
      return;
    }
    Collection<?> list = names instanceof Collection<?> c ? c : List.of(names);
    List<String> unknown = new ArrayList<>();
    for (Object name : list) {
      StreamTopic.parse(String.valueOf(name))
          .ifPresentOrElse(t -> out.put(t, protocol), () -> unknown.add(String.valueOf(name)));
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown topic " + unknown + ", known: " + StreamTopic.names());
    }
  }
}
