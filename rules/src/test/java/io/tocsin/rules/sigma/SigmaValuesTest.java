package io.tocsin.rules.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.eval.Interpreter;
import io.tocsin.model.Event;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Value semantics of the conversion, checked by running the converted condition in the interpreter:
 * escaping, wildcards, the encoding modifiers against pySigma's values, placeholders.
 */
class SigmaValuesTest {

  private static String condition(String detection, Map<String, List<String>> placeholders) {
    String yaml =
        "title: t\nid: t1\nlogsource: {product: zeek}\ndetection:\n"
            + detection.indent(2)
            + "  condition: sel\n";
    SigmaConversion c =
        new SigmaConverter(FieldMappings.builtin(), placeholders).convert(yaml, "t.yml");
    assertThat(c.reports().get(0).reasons()).isEmpty();
    Map<?, ?> rule = (Map<?, ?>) ((List<?>) c.policies().get(0).get("rules")).get(0);
    return (String) rule.get("condition");
  }

  private static Predicate<Event> compile(String detection) {
    return compile(detection, Map.of());
  }

  private static Predicate<Event> compile(String detection, Map<String, List<String>> ph) {
    return Interpreter.compile(
        Conditions.compile(condition(detection, ph), ConditionContext.of(Map.of(), Map.of()))
            .root());
  }

  private static Event ev(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return Event.of(m);
  }

  @Test
  void plainValuesAreCaseInsensitiveWholeValueMatches() {
    Predicate<Event> p = compile("sel:\n  F: 'Cmd.EXE'\n");
    assertThat(p.test(ev("payload.F", "cmd.exe"))).isTrue();
    assertThat(p.test(ev("payload.F", "xcmd.exe"))).isFalse();
    assertThat(condition("sel:\n  F: 'Cmd.EXE'\n", Map.of()))
        .isEqualTo("payload.F iequals 'Cmd.EXE'");
  }

  @Test
  void escapingFollowsTheSpecification() {
    // \* is a literal star, \\* a backslash then a wildcard, a lone backslash is literal.
    Predicate<Event> literal = compile("sel:\n  F: 'a\\*b'\n");
    assertThat(literal.test(ev("payload.F", "a*b"))).isTrue();
    assertThat(literal.test(ev("payload.F", "axb"))).isFalse();
    Predicate<Event> wildcard = compile("sel:\n  F: 'C:\\Temp\\\\*.exe'\n");
    assertThat(wildcard.test(ev("payload.F", "c:\\temp\\x.exe"))).isTrue();
    assertThat(wildcard.test(ev("payload.F", "C:\\Tempx.exe"))).isFalse();
    Predicate<Event> question = compile("sel:\n  F: 'a?c'\n");
    assertThat(question.test(ev("payload.F", "abc"))).isTrue();
    assertThat(question.test(ev("payload.F", "ac"))).isFalse();
  }

  @Test
  void base64offsetGivesPySigmasThreeForms() {
    assertThat(Encodings.base64Offsets("IEX".getBytes(StandardCharsets.UTF_16LE)))
        .containsExactly("SQBFAFgA", "kARQBYA", "JAEUAWA");
    assertThat(Encodings.base64Offsets("Invoke-Expression".getBytes(StandardCharsets.UTF_8)))
        .containsExactly(
            "SW52b2tlLUV4cHJlc3Npb2", "ludm9rZS1FeHByZXNzaW9u", "JbnZva2UtRXhwcmVzc2lvb");
  }

  @Test
  void windashReplacesOnlyDashesThatStartAnOption() {
    List<String> variants =
        Encodings.windash(SigmaString.parse("net-x -a /b")).stream()
            .map(SigmaString::toString)
            .toList();
    assertThat(variants)
        .hasSize(25)
        .contains("net-x -a /b", "net-x /a -b", "net-x \u2013a \u2015b");
  }

  @Test
  void expandUsesThePlaceholderValuesWithTheirWildcards() {
    Predicate<Event> p =
        compile("sel:\n  F|expand: '%admins%'\n", Map.of("admins", List.of("adm-*", "root")));
    assertThat(p.test(ev("payload.F", "ADM-bob"))).isTrue();
    assertThat(p.test(ev("payload.F", "root"))).isTrue();
    assertThat(p.test(ev("payload.F", "bob"))).isFalse();
  }

  @Test
  void numbersMatchNumbersAndNumericTextOnPayloadFields() {
    Predicate<Event> p = compile("sel:\n  EventID: 4688\n");
    assertThat(p.test(ev("payload.EventID", 4688L))).isTrue();
    assertThat(p.test(ev("payload.EventID", "4688"))).isTrue();
    assertThat(p.test(ev("payload.EventID", 4689L))).isFalse();
  }

  @Test
  void nullMeansAbsentAndListsAreAlternativesUnlessAll() {
    Predicate<Event> p = compile("sel:\n  F: null\n  G: [a, b]\n");
    assertThat(p.test(ev("payload.G", "B"))).isTrue();
    assertThat(p.test(ev("payload.G", "b", "payload.F", "x"))).isFalse();
    Predicate<Event> all = compile("sel:\n  G|contains|all: [a, b]\n");
    assertThat(all.test(ev("payload.G", "xAyBz"))).isTrue();
    assertThat(all.test(ev("payload.G", "xAy"))).isFalse();
  }
}
