package io.tocsin.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

  @TempDir Path dir;

  private final AtomicLong dropped = new AtomicLong();

  @Test
  void replaysInOrderAndSurvivesReopening() throws IOException {
    Spool spool = new Spool(dir, 1 << 20, dropped::addAndGet);
    spool.append(bytes(10, 'a'), 3);
    spool.append(bytes(10, 'b'), 4);
    assertThat(spool.events()).isEqualTo(7);

    Files.writeString(dir.resolve("0000000000000099-5.json.gz.tmp"), "half written");
    Spool reopened = new Spool(dir, 1 << 20, dropped::addAndGet);
    assertThat(reopened.batches()).isEqualTo(2);
    Spool.Segment first = reopened.oldest().orElseThrow();
    assertThat(first.read()).isEqualTo(bytes(10, 'a'));
    assertThat(first.count()).isEqualTo(3);
    reopened.remove(first);
    reopened.append(bytes(10, 'c'), 1);
    assertThat(reopened.oldest().orElseThrow().read()).isEqualTo(bytes(10, 'b'));
    assertThat(Files.exists(dir.resolve("0000000000000099-5.json.gz.tmp"))).isFalse();
    assertThat(reopened.bytes()).isEqualTo(20);
  }

  /** What is left of a partly delivered batch keeps its place at the head of the spool. */
  @Test
  void aReplacedSegmentKeepsItsPlaceAndSurvivesReopening() throws IOException {
    Spool spool = new Spool(dir, 1 << 20, dropped::addAndGet);
    spool.append(bytes(10, 'a'), 5);
    spool.append(bytes(10, 'b'), 4);
    spool.replace(spool.oldest().orElseThrow(), bytes(6, 'r'), 2);
    assertThat(spool.events()).isEqualTo(6);
    assertThat(spool.bytes()).isEqualTo(16);
    assertThat(spool.oldest().orElseThrow().read()).isEqualTo(bytes(6, 'r'));

    Spool reopened = new Spool(dir, 1 << 20, dropped::addAndGet);
    assertThat(reopened.batches()).isEqualTo(2);
    assertThat(reopened.oldest().orElseThrow().count()).isEqualTo(2);
    assertThat(reopened.oldest().orElseThrow().read()).isEqualTo(bytes(6, 'r'));
  }

  @Test
  void overTheBoundTheOldestBatchesAreDroppedAndCounted() throws IOException {
    Spool spool = new Spool(dir, 250, dropped::addAndGet);
    for (int i = 0; i < 5; i++) {
      spool.append(bytes(100, (char) ('a' + i)), 10 + i);
    }
    assertThat(spool.batches()).isEqualTo(2);
    assertThat(spool.bytes()).isLessThanOrEqualTo(250);
    assertThat(spool.oldest().orElseThrow().read()).isEqualTo(bytes(100, 'd'));
    assertThat(dropped.get()).isEqualTo(10 + 11 + 12);
    assertThat(spool.droppedEvents()).isEqualTo(33);
    try (var files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(2);
    }
  }

  private static byte[] bytes(int n, char c) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) c);
    return b;
  }
}
