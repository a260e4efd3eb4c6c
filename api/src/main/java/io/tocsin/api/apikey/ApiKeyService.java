package io.tocsin.api.apikey;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.Secrets;
import io.tocsin.api.tenant.AgentQuota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Creates, lists, revokes and looks up API keys, always within one tenant. */
@Service
class ApiKeyService {

  static final String PREFIX = "tsk_";
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private final ApiKeyRepository keys;
  private final AgentQuota quota;
  private final Clock clock;

  ApiKeyService(ApiKeyRepository keys, AgentQuota quota, Clock clock) {
    this.keys = keys;
    this.quota = quota;
    this.clock = clock;
  }

  /** Returns the stored key's view plus {@code key}, the only time the key is shown. */
  ApiKeyViews.CreatedApiKey create(String tenantId, String name, String hostId, String createdBy) {
    if (hostId != null && !quota.admit(tenantId, List.of(hostId)).isEmpty()) {
      throw ApiException.badRequest(
          quota.reason(tenantId, hostId),
          Map.of("field", "host_id", "max_agents", quota.limit(tenantId)));
    }
    String key = Secrets.random(PREFIX);
    ApiKey stored =
        keys.save(
            new ApiKey(
                UUID.randomUUID().toString(),
                tenantId,
                name,
                key.substring(0, PREFIX.length() + 6),
                Secrets.sha256(key),
                createdBy,
                clock.instant(),
                null,
                hostId));
    return new ApiKeyViews.CreatedApiKey(
        stored.id(), key, stored.name(), stored.prefix(), tenantId, hostId, stored.createdAt());
  }

  List<ApiKeyView> list(String tenantId) {
    return keys.findByTenantIdOrderByCreatedAtAsc(tenantId).stream().map(ApiKeyView::of).toList();
  }

  void revoke(String tenantId, String id) {
    keys.delete(
        keys.findByIdAndTenantId(id, tenantId).orElseThrow(() -> ApiException.notFound("API key")));
  }

  /** The key with this secret, recording its use. */
  Optional<ApiKey> authenticate(String key) {
    if (key == null || !key.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return keys.findByKeyHash(Secrets.sha256(key)).map(this::touch);
  }

  private ApiKey touch(ApiKey key) {
    Instant now = clock.instant();
    if (key.lastUsedAt() == null || key.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
      return keys.save(key.usedAt(now));
    }
    return key;
  }
}
