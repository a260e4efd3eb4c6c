package io.tocsin.engine.runtime;

import io.tocsin.engine.compile.CompiledMatchers;
import io.tocsin.engine.compile.Fact;
import io.tocsin.engine.compile.Hit;
import io.tocsin.engine.compile.MatchSink;
import io.tocsin.engine.compile.SubstringPrefilter;
import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * The Drools session of one generation, on a pseudo clock that follows event time. Each batch is
 * inserted, fired once and retracted: the session holds no facts between batches (correlation state
 * lives outside it), which is what makes a generation swap cheap. Not thread-safe.
 */
final class MatchingSession implements AutoCloseable {

  private final KieSession session;
  private final SessionPseudoClock clock;
  private final MatchSink sink = new MatchSink();
  private final SubstringPrefilter prefilter;
  private final SubstringPrefilter.Scratch scratch;
  private final List<FactHandle> handles = new ArrayList<>();

  MatchingSession(CompiledMatchers matchers, long clockMillis) {
    KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
    conf.setOption(ClockTypeOption.PSEUDO);
    this.session = matchers.kieBase().newKieSession(conf, null);
    this.session.setGlobal(CompiledMatchers.SINK_GLOBAL, sink);
    this.clock = session.getSessionClock();
    this.prefilter = matchers.prefilter();
    this.scratch = prefilter.newScratch();
    advanceClock(clockMillis);
  }

  /** Matches a batch (already in event-time order); the sink holds (slot, seq) pairs. */
  MatchSink match(List<Event> events) {
    sink.clear();
    for (int i = 0; i < events.size(); i++) {
      Fact fact = new Fact(i, events.get(i));
      handles.add(session.insert(fact));
      if (!prefilter.isEmpty()) {
        prefilter.candidates(
            fact.event(), scratch, b -> handles.add(session.insert(new Hit(b, fact))));
      }
    }
    session.fireAllRules();
    for (FactHandle h : handles) {
      session.delete(h);
    }
    handles.clear();
    return sink;
  }

  /** Moves the session clock forward to {@code millis} (never back). */
  void advanceClock(long millis) {
    long delta = millis - clock.getCurrentTime();
    if (delta > 0) {
      clock.advanceTime(delta, TimeUnit.MILLISECONDS);
    }
  }

  long clockMillis() {
    return clock.getCurrentTime();
  }

  @Override
  public void close() {
    session.dispose();
  }
}
