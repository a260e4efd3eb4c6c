package io.tocsin.api.detection;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Serializes writes of one tenant's definitions on this node, so that "validate the whole set, then
 * store" cannot interleave with another write (a list deleted while a policy using it is saved).
 * Cross-node writes are not serialized: see the package documentation.
 */
@Component
public class TenantLocks {

  private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  public <T> T withLock(String tenantId, Supplier<T> action) {
    ReentrantLock lock = locks.computeIfAbsent(tenantId, t -> new ReentrantLock());
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
