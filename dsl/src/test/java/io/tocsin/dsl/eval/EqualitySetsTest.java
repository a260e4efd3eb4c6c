package io.tocsin.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.ast.AstPrinter;
import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.ListLiteral;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.model.Event;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Long {@code or} chains of equalities become one hashed {@code in} (issue 20: 2,500 terms). */
class EqualitySetsTest {

  private static Expr resolved(String condition) {
    return Conditions.compile(condition, ConditionContext.EMPTY).root();
  }

  @Test
  void longChainOnOneFieldBecomesOneIn() {
    String chain =
        IntStream.range(0, 2_500)
            .mapToObj(i -> "user.name == 'u" + i + "'")
            .collect(Collectors.joining(" or "));

    Expr rewritten = EqualitySets.rewrite(resolved(chain));

    assertThat(rewritten).isInstanceOf(Comparison.class);
    Comparison in = (Comparison) rewritten;
    assertThat(in.operator()).isEqualTo(Operator.IN);
    assertThat(((ListLiteral) in.right()).values()).hasSize(2_500);
  }

  @Test
  void mixedChainKeepsOtherTermsAndMeaning() {
    String condition =
        "process.name == 'a' or user.name == 'x' or process.name in ('b', 'c')"
            + " or process.name == 'd' or file.size > 5";
    Expr rewritten = EqualitySets.rewrite(resolved(condition));

    assertThat(AstPrinter.render(rewritten))
        .isEqualTo(
            "(or (in process.name ['a', 'b', 'c', 'd']) (== user.name 'x') (> file.size 5))");
    for (String name : new String[] {"a", "b", "c", "d", "e"}) {
      Event e = Event.fromNested(Map.of("process", Map.of("name", name)));
      assertThat(Interpreter.compile(rewritten).test(e))
          .isEqualTo(Interpreter.compile(resolved(condition)).test(e));
    }
  }

  @Test
  void shortChainsAndIpFieldsAreLeftAlone() {
    String shortChain = "user.name == 'a' or user.name == 'b'";
    assertThat(EqualitySets.rewrite(resolved(shortChain))).isEqualTo(resolved(shortChain));
    String ips =
        "host.ip == '10.0.0.1' or host.ip == '10.0.0.2' or host.ip == '10.0.0.3'"
            + " or host.ip == '10.0.0.4'";
    assertThat(EqualitySets.rewrite(resolved(ips))).isEqualTo(resolved(ips));
  }
}
