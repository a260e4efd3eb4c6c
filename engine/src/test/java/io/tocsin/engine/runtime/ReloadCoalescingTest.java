package io.tocsin.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** A burst of reload requests costs at most two builds; every caller gets the final result. */
class ReloadCoalescingTest {

  @Test
  void burstWhileBuildingIsFoldedIntoOneMoreBuild() {
    List<Runnable> queued = new ArrayList<>();
    Executor manual = queued::add;
    ConcurrentLinkedQueue<Integer> built = new ConcurrentLinkedQueue<>();
    ReloadCoalescer<Integer, String> coalescer =
        new ReloadCoalescer<>(
            manual,
            r -> {
              built.add(r);
              return "v" + r;
            });
    CompletableFuture<String> first = coalescer.submit(1);
    queued.remove(0).run(); // build 1 ran
    List<CompletableFuture<String>> burst = new ArrayList<>();
    for (int i = 2; i <= 10; i++) {
      burst.add(coalescer.submit(i));
    }
    assertThat(queued).hasSize(1);
    queued.remove(0).run();
    assertThat(built).containsExactly(1, 10);
    assertThat(first.join()).isEqualTo("v1");
    assertThat(burst).allSatisfy(f -> assertThat(f.join()).isEqualTo("v10"));
    assertThat(coalescer.coalesced()).isEqualTo(8);
  }
}
