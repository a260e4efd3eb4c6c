package io.tocsin.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tocsin.dsl.eval.BudgetExceededException;
import io.tocsin.dsl.eval.EvalBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the kernel's connection table and cancelling the requests whose client left. */
class DisconnectWatchTest {

  // Server port 8080 (1F90); clients 51000 (C738) established, 51001 (C739) in CLOSE_WAIT.
  private final List<String> table =
      new ArrayList<>(
          List.of(
              "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1",
              "   1: 0100007F:1F90 0100007F:C738 01 00000000:00000000 00:00000000 00000000 0 0 2",
              "   2: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:C739"
                  + " 08 00000000:00000000 00:00000000 00000000 0 0 3"));
  private final ClientConnections connections = new ClientConnections(() -> table.stream());

  @Test
  void onlyEstablishedConnectionsCountAsOpen() {
    assertThat(connections.established()).containsExactly("8080:51000");
  }

  @Test
  void sweepCancelsTheRequestsWhoseClientLeftAndKeepsTheOthers() {
    DisconnectWatch watch = new DisconnectWatch(connections);
    try {
      Cancellation staying = new Cancellation();
      Cancellation leaving = new Cancellation();
      Cancellation gone = new Cancellation();
      watch.watch(staying, 8080, 51000);
      watch.watch(leaving, 8080, 51001);
      watch.watch(gone, 8080, 51002);
      watch.sweep();
      assertThat(staying.cancelled()).isFalse();
      assertThat(leaving.cancelled()).isTrue();
      assertThat(gone.cancelled()).isTrue();

      table.remove(1); // the staying client hangs up after it was forgotten
      watch.forget(staying);
      watch.sweep();
      assertThat(staying.cancelled()).isFalse();
    } finally {
      watch.destroy();
    }
  }

  @Test
  void cancelBeforeTheBudgetExistsStopsTheBudgetWhenBound() {
    Cancellation cancellation = new Cancellation();
    cancellation.cancel();
    EvalBudget budget = EvalBudget.start("b", Duration.ofMinutes(1), System::nanoTime);
    cancellation.bind(budget);
    assertThatThrownBy(budget::check)
        .isInstanceOfSatisfying(
            BudgetExceededException.class, e -> assertThat(e.cancelled()).isTrue());
  }
}
