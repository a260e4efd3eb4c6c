package io.tocsin.engine.compile;

import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.globalOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.alphaIndexedBy;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import io.tocsin.dsl.ast.Expr;
import io.tocsin.engine.condition.ConditionLanguage;
import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.drools.model.Global;
import org.drools.model.Index;
import org.drools.model.PatternDSL.PatternDef;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.conf.EventProcessingOption;

/**
 * Builds one immutable KieBase from resolved conditions, through the executable model (no DRL
 * text). Condition {@code i} of the input is "slot" {@code i}: every Drools rule generated for it
 * records {@code (i, fact)} into the {@link MatchSink}.
 *
 * <p>Indexing: a branch with a hashable equality starts its pattern with {@code alphaIndexedBy(...,
 * EQUAL, id, ...)}, one index id per operand and value type, so that the ObjectTypeNode hashes all
 * branches on the same operand (O(1) whatever the number of policies) and equal constraints share
 * nodes. Pre-filtered branches match {@link Hit} facts hashed by branch number. Remaining
 * constraints are interpreter predicates with canonical ids, shared across rules when equal.
 */
public final class KieBaseCompiler {

  private final ConditionLanguage language;

  public KieBaseCompiler(ConditionLanguage language) {
    this.language = language;
  }

  public CompiledMatchers compile(List<Expr> slots) {
    long start = System.nanoTime();
    Planner planner = new Planner(language);
    Variable<Fact> fact = declarationOf(Fact.class, "f");
    Variable<Hit> hit = declarationOf(Hit.class, "h");
    Global<MatchSink> sink =
        globalOf(MatchSink.class, CompiledMatchers.PACKAGE, CompiledMatchers.SINK_GLOBAL);
    ModelImpl model = new ModelImpl().addGlobal(sink);
    Map<String, Integer> indexIds = new HashMap<>();
    List<SubstringKey> prefilterKeys = new ArrayList<>();
    int indexed = 0;
    int scanned = 0;
    SlotTimings timings = new SlotTimings(slots.size());
    for (int slot = 0; slot < slots.size(); slot++) {
      List<Branch> branches = planner.plan(slots.get(slot));
      for (int b = 0; b < branches.size(); b++) {
        Branch branch = branches.get(b);
        String name = "slot" + slot + "_b" + b;
        final int s = slot;
        switch (branch.route()) {
          case INDEXED -> {
            indexed++;
            IndexKey k = branch.index();
            int id =
                indexIds.computeIfAbsent(
                    k.operand() + "|" + k.type().getName(), x -> indexIds.size() + 1);
            PatternDef<Fact> p =
                pattern(fact)
                    .expr(
                        k.exprId(),
                        f -> Objects.equals(k.key().apply(f.event()), k.value()),
                        index(k, id));
            model.addRule(
                rule(CompiledMatchers.PACKAGE, name)
                    .build(
                        checks(p, "f ", branch, Fact::event, timings, s),
                        on(fact, sink).execute((f, out) -> out.record(s, f))));
          }
          case PREFILTERED -> {
            int hitBranch = prefilterKeys.size();
            prefilterKeys.add(branch.substring());
            PatternDef<Hit> p =
                pattern(hit)
                    .expr(
                        "hit " + hitBranch,
                        h -> h.branch() == hitBranch,
                        alphaIndexedBy(
                            Integer.class, Index.ConstraintType.EQUAL, 0, Hit::branch, hitBranch));
            model.addRule(
                rule(CompiledMatchers.PACKAGE, name)
                    .build(
                        checks(p, "h ", branch, h -> h.fact().event(), timings, s),
                        on(hit, sink).execute((h, out) -> out.record(s, h.fact()))));
          }
          case SCANNED -> {
            scanned++;
            PatternDef<Fact> p = checks(pattern(fact), "f ", branch, Fact::event, timings, s);
            model.addRule(
                rule(CompiledMatchers.PACKAGE, name)
                    .build(p, on(fact, sink).execute((f, out) -> out.record(s, f))));
          }
        }
      }
    }
    KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(model, EventProcessingOption.STREAM);
    long millis = (System.nanoTime() - start) / 1_000_000;
    CompileStats stats =
        new CompileStats(slots.size(), indexed, prefilterKeys.size(), scanned, millis);
    return new CompiledMatchers(kieBase, SubstringPrefilter.build(prefilterKeys), stats, timings);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static org.drools.model.AlphaIndex<Fact, ?> index(IndexKey k, int id) {
    Class type = k.type();
    return alphaIndexedBy(
        type, Index.ConstraintType.EQUAL, id, f -> k.key().apply(((Fact) f).event()), k.value());
  }

  private static <T> PatternDef<T> checks(
      PatternDef<T> p,
      String prefix,
      Branch branch,
      Function<T, Event> event,
      SlotTimings timings,
      int slot) {
    for (Check c : branch.checks()) {
      Predicate<Event> test = timings.timed(slot, c.test());
      p = p.expr(prefix + c.id(), t -> test.test(event.apply(t)));
    }
    return p;
  }
}
