package io.tocsin.api.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Names for webhooks created without one (the INSEC seed's {@code POST /webhooks} has none): the
 * receiver's host and the first event, e.g. {@code hooks.example.com alert.created}, numbered
 * {@code ... 2}, {@code ... 3} when the tenant already has that name.
 */
final class WebhookNames {

  static final int MAX_LENGTH = 64;

  private WebhookNames() {}

  static String derive(String url, List<String> events) {
    String event = events == null || events.isEmpty() ? "alert.created" : events.get(0);
    String host = host(url);
    int room = MAX_LENGTH - event.length() - 4; // space, and room for a " NN" number
    if (host.length() > room) {
      host = host.substring(0, Math.max(1, room));
    }
    return host + " " + event;
  }

  /** The {@code n}th candidate (n from 2) for {@code base}. */
  static String numbered(String base, int n) {
    return base + " " + n;
  }

  private static String host(String url) {
    String host = null;
    try {
      host = url == null ? null : new URI(url.trim()).getHost();
    } catch (URISyntaxException e) {
      // the url check refuses it with a proper message; the name only needs to be well-formed
    }
    if (host == null || host.isBlank()) {
      return "webhook";
    }
    String safe = host.replaceAll("[^A-Za-z0-9_.-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
    return safe.isEmpty() ? "webhook" : safe;
  }
}
