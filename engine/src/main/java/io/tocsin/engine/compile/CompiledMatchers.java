package io.tocsin.engine.compile;

import org.kie.api.KieBase;

/**
 * An immutable compiled condition set: a KieBase whose rules record (slot, event) matches into the
 * {@code sink} global, the pre-filter that feeds its {@link Hit} rules, and the time spent in each
 * slot's checks.
 */
public record CompiledMatchers(
    KieBase kieBase, SubstringPrefilter prefilter, CompileStats stats, SlotTimings timings) {

  /** The name of the {@link MatchSink} global every session must set. */
  public static final String SINK_GLOBAL = "sink";

  /** The package of the generated rules. */
  public static final String PACKAGE = "io.tocsin.rules";
}
