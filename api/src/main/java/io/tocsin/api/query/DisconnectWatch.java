package io.tocsin.api.query;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Stops cancellable requests whose client went away: while any is running, one thread reads the
 * kernel's connection table five times a second and cancels the requests whose connection is no
 * longer established. Idle (no request watched), it reads nothing.
 */
@Component
class DisconnectWatch implements DisposableBean {

  private static final long PERIOD_MILLIS = 200;

  private final ClientConnections connections;
  private final Map<Cancellation, String> watched = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tocsin-disconnect-watch");
            t.setDaemon(true);
            return t;
          });

  DisconnectWatch() {
    this(ClientConnections.kernel());
  }

  DisconnectWatch(ClientConnections connections) {
    this.connections = connections;
    if (connections != null) {
      timer.scheduleWithFixedDelay(
          this::sweep, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Whether disconnects can be seen here at all (Linux); otherwise only the budget stops work. */
  boolean supported() {
    return connections != null;
  }

  /** Watches the connection {@code localPort:remotePort} until {@link #forget}. */
  void watch(Cancellation request, int localPort, int remotePort) {
    if (connections != null) {
      watched.put(request, ClientConnections.key(localPort, remotePort));
    }
  }

  void forget(Cancellation request) {
    watched.remove(request);
  }

  void sweep() {
    if (watched.isEmpty()) {
      return;
    }
    Set<String> open = connections.established();
    watched.forEach(
        (request, connection) -> {
          if (!open.contains(connection)) {
            watched.remove(request);
            request.cancel();
          }
        });
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
