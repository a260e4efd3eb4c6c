package io.tocsin.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.engine.condition.DslLanguage;
import java.util.ArrayList;
import java.util.List;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.junit.jupiter.api.Test;

/** How conditions reach Drools: hashed equality, pre-filter, or scan; nodes shared across rules. */
class IndexingTest {

  private final DslLanguage language = new DslLanguage();

  private static Expr parse(String text) {
    return Conditions.compile(text, ConditionContext.EMPTY).root();
  }

  private CompiledMatchers compile(List<String> conditions) {
    return new KieBaseCompiler(language)
        .compile(conditions.stream().map(IndexingTest::parse).toList());
  }

  @Test
  void routesEachBranchToTheCheapestAccessPath() {
    CompiledMatchers m =
        compile(
            List.of(
                "process.name == 'a.exe' and user.name != 'x'",
                "process.name in ('b.exe', 'c.exe')",
                "process.command_line icontains 'mimikatz'",
                "file.size > 10MB"));
    assertThat(m.stats().indexedBranches()).isEqualTo(3);
    assertThat(m.stats().prefilteredBranches()).isEqualTo(1);
    assertThat(m.stats().scannedBranches()).isEqualTo(1);
  }

  @Test
  void equalitiesOnOneFieldAreHashedAtTheObjectTypeNode() {
    List<String> conditions = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      conditions.add("process.name == 'p" + i + ".exe' and user.name != 'svc'");
    }
    conditions.add("process.name == 'p1.exe' and file.size > 1KB");
    CompiledMatchers m = compile(conditions);
    ObjectTypeNode otn = factTypeNode((InternalKnowledgeBase) m.kieBase());
    CompositeObjectSinkAdapter sinks = (CompositeObjectSinkAdapter) otn.getObjectSinkPropagator();
    assertThat(sinks.getHashedSinkMap()).isNotNull();
    // one shared alpha node per distinct value: p1.exe's node is used by two rules
    assertThat(sinks.getHashedSinkMap().size()).isEqualTo(50);
    long alphaChildren = otn.getObjectSinkPropagator().getSinks().length;
    assertThat(alphaChildren).isEqualTo(50);
    assertThat(otn.getObjectSinkPropagator().getSinks()[0]).isInstanceOf(AlphaNode.class);
  }

  private static ObjectTypeNode factTypeNode(InternalKnowledgeBase kb) {
    EntryPointNode ep = kb.getRete().getEntryPointNodes().values().iterator().next();
    return ep.getObjectTypeNodes().values().stream()
        .filter(n -> n.getObjectType().getClassName().equals(Fact.class.getName()))
        .findFirst()
        .orElseThrow();
  }
}
