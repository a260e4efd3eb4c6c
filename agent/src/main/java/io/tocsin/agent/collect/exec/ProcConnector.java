package io.tocsin.agent.collect.exec;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A subscription to the kernel's process events connector. {@link #open} binds a netlink socket to
 * {@code CN_IDX_PROC}, sends {@code PROC_CN_MCAST_LISTEN} and waits for the kernel's ack, so a
 * missing permission is found at start (not by silence later). Not thread-safe: one reader thread.
 */
final class ProcConnector implements AutoCloseable {

  /** Why the connector cannot be used here; the message is logged as the fallback reason. */
  static final class Unavailable extends IOException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  private static final int RCVBUF = 8 << 20;
  private static final int LISTEN = 1;
  private static final int IGNORE = 2;

  private final int fd;
  private final byte[] buf = new byte[16 * 1024];
  private final byte[] pollFd = new byte[8];
  private long overflows;

  private ProcConnector(int fd) {
    this.fd = fd;
    ByteBuffer.wrap(pollFd).order(ByteOrder.nativeOrder()).putInt(fd).putShort(Netlink.POLLIN);
  }

  /** Subscribes, or explains why not. */
  static ProcConnector open() throws Unavailable {
    if (!Platform.isLinux()) {
      throw new Unavailable("not Linux (" + System.getProperty("os.name") + ")");
    }
    int fd;
    try {
      fd = Netlink.socket(Netlink.AF_NETLINK, Netlink.SOCK_DGRAM | Netlink.SOCK_CLOEXEC, 11);
    } catch (LastErrorException | UnsatisfiedLinkError e) {
      throw new Unavailable("cannot open a NETLINK_CONNECTOR socket: " + describe(e));
    }
    ProcConnector c = new ProcConnector(fd);
    try {
      c.subscribe();
      return c;
    } catch (Unavailable e) {
      Netlink.close(fd);
      throw e;
    }
  }

  private void subscribe() throws Unavailable {
    bufferSize();
    byte[] addr = ProcEvent.address();
    try {
      Netlink.bind(fd, addr, addr.length);
      byte[] listen = ProcEvent.control(LISTEN);
      Netlink.send(fd, listen, new NativeLong(listen.length), 0);
    } catch (LastErrorException e) {
      throw new Unavailable("cannot subscribe to the process events connector: " + describe(e));
    }
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (ProcEvent e : read(200)) {
        if (e.kind() == ProcEvent.Kind.ACK) {
          if (e.code() != 0) {
            throw new Unavailable(
                "the kernel refused the process events subscription: " + errno(e.code()));
          }
          return;
        }
        return; // events already flowing: subscribed (older kernels send no ack)
      }
    }
    throw new Unavailable("no answer from the process events connector within 2 s");
  }

  private void bufferSize() {
    // a large receive buffer absorbs exec storms; FORCE needs CAP_NET_ADMIN, else the capped
    // SO_RCVBUF
    int[] size = {RCVBUF};
    try {
      Netlink.setsockopt(fd, Netlink.SOL_SOCKET, Netlink.SO_RCVBUFFORCE, size, 4);
    } catch (LastErrorException e) {
      try {
        Netlink.setsockopt(fd, Netlink.SOL_SOCKET, Netlink.SO_RCVBUF, size, 4);
      } catch (LastErrorException ignored) {
        // the default buffer still works, it only overflows sooner
      }
    }
  }

  /**
   * Waits up to {@code timeoutMillis} for one datagram; empty when none came. A receive-buffer
   * overflow (the kernel dropped events) is counted in {@link #overflows()}, not thrown.
   */
  List<ProcEvent> read(int timeoutMillis) {
    try {
      if (Netlink.poll(pollFd, new NativeLong(1), timeoutMillis) <= 0) {
        return List.of();
      }
      long n = Netlink.recv(fd, buf, new NativeLong(buf.length), Netlink.MSG_DONTWAIT).longValue();
      return n <= 0 ? List.of() : ProcEvent.decode(buf, (int) n);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == Netlink.ENOBUFS) {
        overflows++;
      }
      return List.of();
    }
  }

  /** How many times the kernel reported lost events (receive buffer overflow). */
  long overflows() {
    return overflows;
  }

  @Override
  public void close() {
    byte[] ignore = ProcEvent.control(IGNORE);
    try {
      Netlink.send(fd, ignore, new NativeLong(ignore.length), 0);
    } catch (LastErrorException e) {
      // closing anyway
    }
    Netlink.close(fd);
  }

  private static String describe(Throwable e) {
    return e instanceof LastErrorException le ? errno(le.getErrorCode()) : e.toString();
  }

  static String errno(int code) {
    return switch (code) {
      case Netlink.EPERM -> "EPERM (operation not permitted: run as root or grant CAP_NET_ADMIN)";
      case 13 -> "EACCES (permission denied: run as root or grant CAP_NET_ADMIN)";
      case Netlink.EPROTONOSUPPORT ->
          "EPROTONOSUPPORT (kernel built without CONFIG_PROC_EVENTS / connector)";
      default -> "errno " + code;
    };
  }
}
