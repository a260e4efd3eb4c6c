package io.tocsin.api.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Which TCP connections the kernel still holds open, read from Linux's {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}. A servlet cannot see that its client hung up until it writes, so a long
 * search would run to its budget for nobody; here a connection that is gone from the table, or in
 * {@code CLOSE_WAIT} (the client sent its FIN), counts as closed. Connections are told apart by
 * their two ports only: a match with another client's connection keeps a request running (never
 * stops one wrongly). Where the files cannot be read (not Linux), nothing is known to be closed.
 */
final class ClientConnections {

  /** {@code st} of an established connection in the kernel's table. */
  private static final String ESTABLISHED = "01";

  private static final List<Path> TABLES =
      List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

  private final Supplier<Stream<String>> lines;

  ClientConnections(Supplier<Stream<String>> lines) {
    this.lines = lines;
  }

  /** The kernel's tables, or {@code null} where they do not exist. */
  static ClientConnections kernel() {
    if (!Files.isReadable(TABLES.get(0))) {
      return null;
    }
    return new ClientConnections(
        () ->
            TABLES.stream()
                .filter(Files::isReadable)
                .flatMap(
                    table -> {
                      try {
                        return Files.readAllLines(table).stream().skip(1);
                      } catch (IOException e) {
                        return Stream.empty();
                      }
                    }));
  }

  /** {@code "local:remote"} port pairs of the established connections, one read of the tables. */
  Set<String> established() {
    Set<String> open = new HashSet<>();
    try (Stream<String> rows = lines.get()) {
      rows.forEach(
          row -> {
            String[] cols = row.trim().split("\\s+");
            if (cols.length > 3 && ESTABLISHED.equals(cols[3])) {
              open.add(key(port(cols[1]), port(cols[2])));
            }
          });
    }
    return open;
  }

  static String key(int localPort, int remotePort) {
    return localPort + ":" + remotePort;
  }

  private static int port(String address) {
    int colon = address.lastIndexOf(':');
    return Integer.parseInt(address.substring(colon + 1).toUpperCase(Locale.ROOT), 16);
  }
}
