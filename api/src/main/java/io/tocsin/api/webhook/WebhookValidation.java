package io.tocsin.api.webhook;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.webhook.format.PayloadFormats;
import io.tocsin.api.webhook.format.Template;
import io.tocsin.api.webhook.format.TemplateException;
import io.tocsin.api.webhook.ssrf.AddressGuard;
import io.tocsin.engine.policy.Severity;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a webhook before it is stored; every problem is a 400 naming the field. */
final class WebhookValidation {

  static final List<String> EVENTS =
      List.of(
          "alert.created",
          "alert.updated",
          "alert.closed",
          "action.completed",
          "case.created",
          "case.updated");
  // Spaces are allowed inside ("Slack SOC"), not at either end.
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9 _.-]{0,62}[A-Za-z0-9_.-])?");
  private static final int MAX_SECRET = 256;

  private WebhookValidation() {}

  static void check(Webhook w, AddressGuard guard) {
    if (w.name() == null || !NAME.matcher(w.name()).matches()) {
      throw bad(
          "name",
          "name must be 1-64 letters, digits, spaces, '.', '_' or '-', starting with a letter or"
              + " digit");
    }
    if (w.url() == null || w.url().isBlank()) {
      throw bad("url", "url is required");
    }
    if (w.url().length() > 2048) {
      throw bad("url", "url is longer than 2048 characters");
    }
    try {
      guard.checkUrl(w.url());
    } catch (IllegalArgumentException e) {
      throw bad("url", e.getMessage());
    } catch (UnknownHostException e) {
      String message = e.getMessage();
      throw bad(
          "url",
          e instanceof io.tocsin.api.webhook.ssrf.BlockedAddressException
              ? "url refused: " + message
              : "url host cannot be resolved: " + message);
    }
    if (w.events() == null || w.events().isEmpty()) {
      throw bad("events", "events must name at least one of " + EVENTS);
    }
    for (String event : w.events()) {
      if (!EVENTS.contains(event)) {
        throw bad("events", "unknown event [" + event + "], expected one of " + EVENTS);
      }
    }
    if (!PayloadFormats.NAMES.contains(w.format())) {
      throw bad(
          "format", "unknown format [" + w.format() + "], expected one of " + PayloadFormats.NAMES);
    }
    if (w.minSeverity() != null && Severity.parse(w.minSeverity()).isEmpty()) {
      throw bad("min_severity", "min_severity must be low, medium, high or critical");
    }
    Map<String, String> parameters = w.parameters() == null ? Map.of() : w.parameters();
    for (String required : PayloadFormats.requiredParameters(w.format())) {
      String value = parameters.get(required);
      if (value == null || value.isBlank()) {
        throw bad("parameters", "format " + w.format() + " needs parameters." + required);
      }
    }
    if (w.template() != null) {
      if (!PayloadFormats.GENERIC.equals(w.format())) {
        throw bad("template", "a template is only used with format generic");
      }
      try {
        Template.validate(w.template());
      } catch (TemplateException e) {
        throw bad("template", e.getMessage());
      }
    }
  }

  static void checkSecret(String secret) {
    if (secret.length() < 16 || secret.length() > MAX_SECRET) {
      throw bad("secret", "secret must be 16 to " + MAX_SECRET + " characters");
    }
  }

  static ApiException bad(String field, String message) {
    return ApiException.badRequest(message, Map.of("field", field));
  }
}
