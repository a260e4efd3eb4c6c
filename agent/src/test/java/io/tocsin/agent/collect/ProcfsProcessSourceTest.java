package io.tocsin.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a fabricated /proc, so the parsing is pinned independently of this machine. */
class ProcfsProcessSourceTest {

  @TempDir Path proc;

  @Test
  void parsesStatCmdlineExeAndOwner() throws Exception {
    Files.writeString(proc.resolve("stat"), "cpu  1 2 3\nbtime 1700000000\n");
    Path passwd =
        Files.writeString(
            proc.resolve("passwd"), "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/h:/bin/sh\n");
    Path p = Files.createDirectories(proc.resolve("4242"));
    // comm with a space and a parenthesis, as the kernel allows
    Files.writeString(
        p.resolve("stat"),
        "4242 (evil (x) y) S 100 4242 4242 0 -1 4194560 10 0 0 0 30 20 0 0 20 0 3 0 500 1000000 256 "
            + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
    Files.write(p.resolve("cmdline"), "/tmp/evil\0--flag\0a b\0".getBytes(StandardCharsets.UTF_8));
    Files.createSymbolicLink(p.resolve("exe"), Path.of("/tmp/evil"));
    Files.writeString(p.resolve("status"), "Name:\tevil\nUid:\t1000\t1000\t1000\t1000\n");
    Files.createDirectories(proc.resolve("self"));

    ProcfsProcessSource source = new ProcfsProcessSource(proc, 100, 4096, passwd);
    List<ProcessInfo> table = source.processes();

    assertThat(table)
        .singleElement()
        .isEqualTo(
            new ProcessInfo(
                4242,
                100,
                "evil (x) y",
                "/tmp/evil",
                List.of("/tmp/evil", "--flag", "a b"),
                "/tmp/evil --flag a b",
                "alice",
                1_700_000_005_000L,
                "sleeping",
                0.0,
                256 * 4096,
                3));
  }
}
