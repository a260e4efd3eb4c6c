package io.tocsin.agent.collect.exec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One decoded message of the process events connector ({@code struct proc_event} in {@code
 * linux/cn_proc.h}), only the kinds the agent uses.
 *
 * @param pid the process (thread group) id: the child for a fork
 * @param thread the thread id ({@code pid == thread} for the main thread)
 * @param parent the parent's thread group id (forks only, else 0)
 * @param nanos the kernel's {@code CLOCK_MONOTONIC} time of the event
 * @param code the ack's error number for {@link Kind#ACK}, the exit code for {@link Kind#EXIT}
 */
record ProcEvent(Kind kind, long pid, long thread, long parent, long nanos, int code) {

  /** The event kinds the agent acts on. */
  enum Kind {
    ACK,
    FORK,
    EXEC,
    EXIT,
    OTHER
  }

  static final int NLMSG_HDRLEN = 16;
  static final int CN_MSG_LEN = 20;
  private static final int EVENT = NLMSG_HDRLEN + CN_MSG_LEN;
  private static final int DATA = EVENT + 16;
  private static final int NLMSG_DONE = 3;
  static final int CN_IDX_PROC = 1;
  static final int CN_VAL_PROC = 1;

  /** A process (not a thread) event. */
  boolean isProcess() {
    return pid == thread;
  }

  /** Decodes every connector message in one datagram of {@code length} bytes. */
  static List<ProcEvent> decode(byte[] buf, int length) {
    ByteBuffer b = ByteBuffer.wrap(buf, 0, length).order(ByteOrder.nativeOrder());
    List<ProcEvent> out = new ArrayList<>(1);
    int at = 0;
    while (at + DATA + 8 <= length) {
      int len = b.getInt(at);
      if (len < DATA || at + len > length) {
        break;
      }
      if (b.getInt(at + NLMSG_HDRLEN) == CN_IDX_PROC) {
        out.add(one(b, at));
      }
      at += (len + 3) & ~3;
    }
    return out;
  }

  private static ProcEvent one(ByteBuffer b, int at) {
    int what = b.getInt(at + EVENT);
    long nanos = b.getLong(at + EVENT + 8);
    int d = at + DATA;
    return switch (what) {
      case 0 -> new ProcEvent(Kind.ACK, 0, 0, 0, nanos, b.getInt(d));
      case 0x1 -> new ProcEvent(Kind.FORK, u32(b, d + 12), u32(b, d + 8), u32(b, d + 4), nanos, 0);
      case 0x2 -> new ProcEvent(Kind.EXEC, u32(b, d + 4), u32(b, d), 0, nanos, 0);
      case 0x80000000 ->
          new ProcEvent(Kind.EXIT, u32(b, d + 4), u32(b, d), 0, nanos, b.getInt(d + 8));
      default -> new ProcEvent(Kind.OTHER, 0, 0, 0, nanos, what);
    };
  }

  private static long u32(ByteBuffer b, int at) {
    return b.getInt(at) & 0xffffffffL;
  }

  /** The subscription message: {@code PROC_CN_MCAST_LISTEN} (1) or {@code _IGNORE} (2). */
  static byte[] control(int op) {
    int len = NLMSG_HDRLEN + CN_MSG_LEN + 4;
    ByteBuffer m = ByteBuffer.allocate(len).order(ByteOrder.nativeOrder());
    m.putInt(len).putShort((short) NLMSG_DONE).putShort((short) 0).putInt(0).putInt(0);
    m.putInt(CN_IDX_PROC).putInt(CN_VAL_PROC).putInt(0).putInt(0);
    m.putShort((short) 4).putShort((short) 0);
    m.putInt(op);
    return m.array();
  }

  /** {@code struct sockaddr_nl} bound to the process events multicast group. */
  static byte[] address() {
    ByteBuffer a = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
    a.putShort((short) Netlink.AF_NETLINK).putShort((short) 0).putInt(0).putInt(CN_IDX_PROC);
    return a.array();
  }
}
