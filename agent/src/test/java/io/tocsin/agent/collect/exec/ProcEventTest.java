package io.tocsin.agent.collect.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code struct proc_event} layout of {@code linux/cn_proc.h}, decoded from crafted bytes. */
class ProcEventTest {

  private static byte[] message(int what, long nanos, int... data) {
    int len = 16 + 20 + 16 + 24;
    ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.nativeOrder());
    b.putInt(len).putShort((short) 3).putShort((short) 0).putInt(7).putInt(0); // nlmsghdr
    b.putInt(1).putInt(1).putInt(0).putInt(0).putShort((short) 40).putShort((short) 0); // cn_msg
    b.putInt(what).putInt(0).putLong(nanos); // what, cpu, timestamp_ns
    for (int d : data) {
      b.putInt(d);
    }
    return b.array();
  }

  @Test
  void decodesForkExecExitAndAck() {
    ProcEvent fork = one(message(0x1, 11, 100, 100, 200, 200));
    assertThat(fork).isEqualTo(new ProcEvent(ProcEvent.Kind.FORK, 200, 200, 100, 11, 0));
    assertThat(fork.isProcess()).isTrue();

    ProcEvent exec = one(message(0x2, 12, 200, 200));
    assertThat(exec).isEqualTo(new ProcEvent(ProcEvent.Kind.EXEC, 200, 200, 0, 12, 0));

    ProcEvent exit = one(message(0x80000000, 13, 201, 200, 256, 17));
    assertThat(exit.kind()).isEqualTo(ProcEvent.Kind.EXIT);
    assertThat(exit.pid()).isEqualTo(200);
    assertThat(exit.isProcess()).as("a thread of 200 exited").isFalse();
    assertThat(exit.code()).isEqualTo(256);

    assertThat(one(message(0, 0, 1))).isEqualTo(new ProcEvent(ProcEvent.Kind.ACK, 0, 0, 0, 0, 1));
    assertThat(one(message(0x200, 0, 5, 5)).kind()).isEqualTo(ProcEvent.Kind.OTHER);
  }

  @Test
  void ignoresTruncatedAndForeignMessages() {
    byte[] m = message(0x2, 1, 5, 5);
    assertThat(ProcEvent.decode(m, 30)).isEmpty();
    ByteBuffer.wrap(m).order(ByteOrder.nativeOrder()).putInt(16, 99); // another connector index
    assertThat(ProcEvent.decode(m, m.length)).isEmpty();
  }

  @Test
  void listenMessageIsNlmsgDoneWithTheProcConnectorId() {
    ByteBuffer b = ByteBuffer.wrap(ProcEvent.control(1)).order(ByteOrder.nativeOrder());
    assertThat(b.capacity()).isEqualTo(40);
    assertThat(b.getInt(0)).isEqualTo(40);
    assertThat(b.getShort(4)).isEqualTo((short) 3);
    assertThat(b.getInt(16)).isEqualTo(1);
    assertThat(b.getInt(20)).isEqualTo(1);
    assertThat(b.getShort(32)).isEqualTo((short) 4);
    assertThat(b.getInt(36)).isEqualTo(1);
  }

  private static ProcEvent one(byte[] m) {
    List<ProcEvent> events = ProcEvent.decode(m, m.length);
    assertThat(events).hasSize(1);
    return events.get(0);
  }
}
