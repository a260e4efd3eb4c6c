package io.tocsin.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExeHasherTest {

  @TempDir Path tmp;

  @Test
  void hashesOnceWhileMtimeAndSizeAreUnchanged() throws IOException {
    Path f = Files.writeString(tmp.resolve("bin"), "abc");
    ExeHasher hasher = new ExeHasher(1024);
    String h = hasher.hash(f.toString());
    assertThat(h).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(hasher.hash(f.toString())).isEqualTo(h);
    assertThat(hasher.computedCount()).isEqualTo(1);

    Files.writeString(f, "abcd");
    Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    assertThat(hasher.hash(f.toString())).isNotEqualTo(h);
    assertThat(hasher.computedCount()).isEqualTo(2);
  }

  @Test
  void skipsFilesOverTheCapAndMissingFiles() throws IOException {
    Path big = Files.write(tmp.resolve("big"), new byte[2048]);
    ExeHasher hasher = new ExeHasher(1024);
    assertThat(hasher.hash(big.toString())).isNull();
    assertThat(hasher.hash(tmp.resolve("nope").toString())).isNull();
    assertThat(hasher.hash(null)).isNull();
    assertThat(hasher.computedCount()).isZero();
  }
}
