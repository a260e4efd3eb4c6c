package io.tocsin.dsl.parser;

import io.tocsin.dsl.Diagnostic;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import io.tocsin.dsl.ast.Source;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;

/**
 * Literal tokens to values: unescapes strings, applies size (1024-based) and duration units. A
 * number that does not fit is reported as INVALID_NUMBER and yields a literal with a null value,
 * which the analyzer skips.
 */
final class Literals {

  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private final List<Diagnostic> diagnostics;

  Literals(List<Diagnostic> diagnostics) {
    this.diagnostics = diagnostics;
  }

  Literal of(Token token, Source source) {
    String text = token.getText();
    return switch (token.getType()) {
      case ConditionLexer.STRING -> new Literal(source, LiteralKind.STRING, unescape(text));
      case ConditionLexer.INTEGER ->
          new Literal(source, LiteralKind.INTEGER, integer(text, source));
      case ConditionLexer.DECIMAL ->
          new Literal(source, LiteralKind.DECIMAL, decimal(text, source));
      case ConditionLexer.SIZE -> new Literal(source, LiteralKind.SIZE, size(text, source));
      case ConditionLexer.DURATION ->
          new Literal(source, LiteralKind.DURATION, duration(text, source));
      case ConditionLexer.CIDR -> new Literal(source, LiteralKind.CIDR, text);
      case ConditionLexer.TRUE -> new Literal(source, LiteralKind.BOOLEAN, Boolean.TRUE);
      case ConditionLexer.FALSE -> new Literal(source, LiteralKind.BOOLEAN, Boolean.FALSE);
      default ->
          new Literal(source, LiteralKind.STRING, text); // IPV4: a string the analyzer checks
    };
  }

  /** Backslash escapes: \\ \' \" \n \r \t \0 and \\uXXXX; any other backslash is kept as is. */
  static String unescape(String quoted) {
    String s = quoted.substring(1, quoted.length() - 1);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char next = s.charAt(i + 1);
      switch (next) {
        case '\\', '\'', '"' -> out.append(next);
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '0' -> out.append('\0');
        case 'u' -> {
          if (isHex(s, i + 2, i + 6)) {
            out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
            i += 4;
          } else {
            out.append('\\').append(next);
          }
        }
        default -> out.append('\\').append(next);
      }
      i++;
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from, int to) {
    if (to > s.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private Long integer(String text, Source source) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return invalid(source, "number [" + text + "] is out of range");
    }
  }

  private Double decimal(String text, Source source) {
    double value = Double.parseDouble(text);
    return Double.isFinite(value)
        ? value
        : invalid(source, "number [" + text + "] is out of range");
  }

  private Long size(String text, Source source) {
    String lower = text.toLowerCase(Locale.ROOT);
    int unitStart = 0;
    while (unitStart < lower.length()
        && (Character.isDigit(lower.charAt(unitStart)) || lower.charAt(unitStart) == '.')) {
      unitStart++;
    }
    int power =
        switch (lower.substring(unitStart).replace("i", "")) {
          case "kb" -> 1;
          case "mb" -> 2;
          case "gb" -> 3;
          case "tb" -> 4;
          default -> 0;
        };
    BigDecimal bytes =
        new BigDecimal(lower.substring(0, unitStart))
            .multiply(BigDecimal.valueOf(1024).pow(power))
            .setScale(0, RoundingMode.HALF_UP);
    if (bytes.compareTo(MAX_LONG) > 0) {
      return invalid(source, "size [" + text + "] is out of range");
    }
    return bytes.longValueExact();
  }

  private Duration duration(String text, Source source) {
    String lower = text.toLowerCase(Locale.ROOT);
    int unitStart = 0;
    while (Character.isDigit(lower.charAt(unitStart))) {
      unitStart++;
    }
    try {
      long amount = Long.parseLong(lower.substring(0, unitStart));
      return switch (lower.substring(unitStart)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    } catch (ArithmeticException | NumberFormatException e) {
      return invalid(source, "duration [" + text + "] is out of range");
    }
  }

  private <T> T invalid(Source source, String message) {
    diagnostics.add(Diagnostic.error("INVALID_NUMBER", source.line(), source.column(), message));
    return null;
  }
}
