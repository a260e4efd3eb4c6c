package io.tocsin.api.webhook;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import io.tocsin.api.webhook.WebhookViews.CreatedWebhook;
import io.tocsin.api.webhook.WebhookViews.WebhookPage;
import io.tocsin.api.webhook.WebhookViews.WebhookView;
import io.tocsin.api.webhook.delivery.DeliveryStore;
import io.tocsin.api.webhook.ssrf.AddressGuard;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** Webhook management: validation, write-only secrets, tenant scoping. */
@Service
class WebhookService {

  private final WebhookStore store;
  private final SecretCipher cipher;
  private final DeliveryStore deliveries;
  private final AddressGuard guard;
  private final Clock clock;
  private static final int MAX_NUMBERED = 99;

  private final SecureRandom random = new SecureRandom();

  WebhookService(
      WebhookStore store,
      SecretCipher cipher,
      DeliveryStore deliveries,
      WebhookProperties properties,
      Clock clock) {
    this.store = store;
    this.cipher = cipher;
    this.deliveries = deliveries;
    this.guard = new AddressGuard(properties.allowPrivate());
    this.clock = clock;
  }

  /** Creates a webhook; the view carries {@code secret} only when it was generated here. */
  CreatedWebhook create(String tenantId, WebhookRequest r, String by) {
    String id = "whk_" + UUID.randomUUID().toString().replace("-", "");
    String secret = r.secret();
    boolean generated = secret == null;
    if (generated) {
      byte[] bytes = new byte[24];
      random.nextBytes(bytes);
      secret = "whsec_" + Base64.getEncoder().encodeToString(bytes);
    } else {
      WebhookValidation.checkSecret(secret);
    }
    Instant now = clock.instant();
    String storedSecret = cipher.encrypt(id, secret);
    List<String> events = r.events() == null ? List.of("alert.created") : List.copyOf(r.events());
    Function<String, Webhook> named =
        name ->
            new Webhook(
                id,
                tenantId,
                name,
                trim(r.url()),
                events,
                storedSecret,
                r.enabled() == null || r.enabled(),
                r.format() == null ? "generic" : r.format().toLowerCase(Locale.ROOT),
                lower(r.minSeverity()),
                r.policies() == null ? List.of() : List.copyOf(r.policies()),
                r.tags() == null ? List.of() : List.copyOf(r.tags()),
                r.template(),
                r.parameters() == null ? Map.of() : Map.copyOf(r.parameters()),
                now,
                now,
                by);
    Webhook w;
    if (r.name() == null || r.name().isBlank()) {
      w = saveWithDerivedName(named, WebhookNames.derive(r.url(), events));
    } else {
      w = named.apply(r.name());
      save(w);
    }
    return new CreatedWebhook(WebhookView.of(w), generated ? secret : null);
  }

  WebhookView update(String tenantId, String id, WebhookRequest r) {
    Webhook old = find(tenantId, id);
    String secret = old.secret();
    if (r.secret() != null) {
      WebhookValidation.checkSecret(r.secret());
      secret = cipher.encrypt(id, r.secret());
    }
    String format = r.format() == null ? old.format() : r.format().toLowerCase(Locale.ROOT);
    Webhook w =
        new Webhook(
            id,
            tenantId,
            r.name() == null ? old.name() : r.name(),
            r.url() == null ? old.url() : trim(r.url()),
            r.events() == null ? old.events() : List.copyOf(r.events()),
            secret,
            r.enabled() == null ? old.enabled() : r.enabled(),
            format,
            r.minSeverity() == null ? old.minSeverity() : lower(r.minSeverity()),
            r.policies() == null ? old.policies() : List.copyOf(r.policies()),
            r.tags() == null ? old.tags() : List.copyOf(r.tags()),
            r.template() == null ? old.template() : blankToNull(r.template()),
            r.parameters() == null ? old.parameters() : Map.copyOf(r.parameters()),
            old.createdAt(),
            clock.instant(),
            old.createdBy());
    save(w);
    return WebhookView.of(w);
  }

  WebhookView get(String tenantId, String id) {
    return WebhookView.of(find(tenantId, id));
  }

  WebhookPage list(String tenantId, Paging paging) {
    List<WebhookView> page =
        store.page(tenantId, paging.limit(), paging.offset()).stream()
            .map(WebhookView::of)
            .toList();
    return new WebhookPage(page, PageInfo.of(paging, store.count(tenantId), page.size()));
  }

  void delete(String tenantId, String id) {
    if (!store.delete(tenantId, id)) {
      throw ApiException.notFound("Webhook");
    }
    deliveries.deleteByWebhook(tenantId, id);
  }

  Webhook find(String tenantId, String id) {
    return store.find(tenantId, id).orElseThrow(() -> ApiException.notFound("Webhook"));
  }

  /** Saves under the derived name, or the first numbered one the tenant does not have yet. */
  private Webhook saveWithDerivedName(Function<String, Webhook> named, String base) {
    for (int n = 1; n <= MAX_NUMBERED; n++) {
      Webhook w = named.apply(n == 1 ? base : WebhookNames.numbered(base, n));
      WebhookValidation.check(w, guard);
      if (store.save(w)) {
        return w;
      }
    }
    throw WebhookValidation.bad(
        "name", "webhooks named [" + base + "] 1 to " + MAX_NUMBERED + " exist; send a name");
  }

  private void save(Webhook w) {
    WebhookValidation.check(w, guard);
    if (!store.save(w)) {
      throw WebhookValidation.bad("name", "a webhook named [" + w.name() + "] already exists");
    }
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  private static String lower(String s) {
    return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String s) {
    return s.isBlank() ? null : s;
  }
}
