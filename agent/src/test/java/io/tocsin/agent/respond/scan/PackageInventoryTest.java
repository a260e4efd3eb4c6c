package io.tocsin.agent.respond.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.agent.respond.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageInventoryTest {

  @TempDir Path dir;

  private static final String STATUS =
      """
      Package: openssl
      Status: install ok installed
      Architecture: amd64
      Version: 3.0.15-1~deb12u1
      Description: Secure Sockets Layer toolkit
       continuation line: with a colon

      Package: removed-tool
      Status: deinstall ok config-files
      Version: 1.0

      Package: bash
      Status: install ok installed
      Architecture: amd64
      Version: 5.2.15-2+b7
      """;

  @Test
  void dpkgStatusThenOnlyInstalledPackagesWithVersions() throws Exception {
    Path status = Files.writeString(dir.resolve("status"), STATUS);
    PackageInventory inventory =
        new PackageInventory(status, dir.resolve("no-rpm"), failingRunner(), 100);

    Map<String, Object> result = inventory.collect();

    assertThat(result.get("source")).isEqualTo("dpkg");
    assertThat(result.get("count")).isEqualTo(2);
    assertThat(result.get("truncated")).isEqualTo(false);
    assertThat(result.get("items"))
        .isEqualTo(
            List.of(
                Map.of("name", "openssl", "version", "3.0.15-1~deb12u1", "arch", "amd64"),
                Map.of("name", "bash", "version", "5.2.15-2+b7", "arch", "amd64")));
  }

  @Test
  void moreThanTheBoundThenTruncatedButCountIsFull() throws Exception {
    Path status = Files.writeString(dir.resolve("status"), STATUS);
    PackageInventory inventory =
        new PackageInventory(status, dir.resolve("no-rpm"), failingRunner(), 1);

    Map<String, Object> result = inventory.collect();

    assertThat(result.get("count")).isEqualTo(2);
    assertThat(result.get("truncated")).isEqualTo(true);
    assertThat((List<?>) result.get("items")).hasSize(1);
  }

  @Test
  void noDpkgButRpmDatabaseThenRpmQa() throws Exception {
    Path rpmDb = Files.createDirectory(dir.resolve("rpm"));
    List<List<String>> ran = new ArrayList<>();
    CommandRunner rpm =
        (argv, stdin) -> {
          ran.add(argv);
          return new CommandRunner.Result(
              0, "openssl\t3.0.7-27.el9\tx86_64\nbash\t5.1.8-9.el9\tx86_64\n");
        };
    PackageInventory inventory = new PackageInventory(dir.resolve("none"), rpmDb, rpm, 100);

    Map<String, Object> result = inventory.collect();

    assertThat(ran.get(0).subList(0, 2)).containsExactly("rpm", "-qa");
    assertThat(result.get("source")).isEqualTo("rpm");
    assertThat(result.get("count")).isEqualTo(2);
  }

  @Test
  void neitherThenSourceNoneAndEmpty() throws Exception {
    PackageInventory inventory =
        new PackageInventory(dir.resolve("none"), dir.resolve("none"), failingRunner(), 100);

    assertThat(inventory.collect())
        .containsEntry("source", "none")
        .containsEntry("count", 0)
        .containsEntry("items", List.of());
  }

  private static CommandRunner failingRunner() {
    return (argv, stdin) -> {
      throw new AssertionError("no process expected, got " + argv);
    };
  }
}
