package io.tocsin.dsl.parser;

import io.tocsin.dsl.Diagnostic;
import io.tocsin.dsl.analysis.Suggestions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Replaces ANTLR's console listeners: turns its messages into {@code SYNTAX_ERROR} diagnostics in
 * the language's own words, with a did-you-mean when an unexpected word is close to an operator.
 */
final class SyntaxErrors extends BaseErrorListener {

  private static final Map<String, String> TOKEN_WORDS =
      Map.ofEntries(
          Map.entry("AND", "and"),
          Map.entry("OR", "or"),
          Map.entry("NOT", "not"),
          Map.entry("EQ", "=="),
          Map.entry("NE", "!="),
          Map.entry("LT", "<"),
          Map.entry("LE", "<="),
          Map.entry("GT", ">"),
          Map.entry("GE", ">="),
          Map.entry("COLON", ":"),
          Map.entry("LP", "("),
          Map.entry("RP", ")"),
          Map.entry("COMMA", ","),
          Map.entry("PATH", "a field"),
          Map.entry("<EOF>", "end of condition"),
          Map.entry("STRING", "a string"),
          Map.entry("INTEGER", "a number"),
          Map.entry("DECIMAL", "a number"),
          Map.entry("SIZE", "a size"),
          Map.entry("DURATION", "a duration"),
          Map.entry("CIDR", "a CIDR"),
          Map.entry("IPV4", "an IP address"),
          Map.entry("WORD", "a value"),
          Map.entry("TRUE", "true"),
          Map.entry("FALSE", "false"),
          Map.entry("EXISTS", "exists"),
          Map.entry("IN", "in"));

  private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'(?! |$))*)'");
  private static final Pattern EXPECTING = Pattern.compile(" expecting (\\{[^}]*\\}|\\S+)$");

  private final List<Diagnostic> diagnostics;

  SyntaxErrors(List<Diagnostic> diagnostics) {
    this.diagnostics = diagnostics;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String msg,
      RecognitionException e) {
    String message;
    if (offendingSymbol instanceof Token token) {
      message = describe(token, msg);
    } else {
      message = "unexpected character " + msg.replaceFirst("^token recognition error at: ", "");
    }
    diagnostics.add(Diagnostic.error("SYNTAX_ERROR", line, charPositionInLine + 1, message));
  }

  private static String describe(Token token, String antlrMessage) {
    String what = token.getType() == Token.EOF ? "end of condition" : "[" + token.getText() + "]";
    StringBuilder message = new StringBuilder();
    if (token.getType() == ConditionLexer.ERROR_CHAR
        && (token.getText().equals("'") || token.getText().equals("\""))) {
      return "unterminated string: add the closing [" + token.getText() + "]";
    }
    if (antlrMessage.startsWith("missing ")) {
      String missing = antlrMessage.substring(8, antlrMessage.indexOf(" at "));
      message.append("missing [").append(words(missing)).append("] before ").append(what);
    } else {
      message.append("unexpected ").append(what);
      Matcher expecting = EXPECTING.matcher(antlrMessage);
      if (expecting.find()) {
        message.append(", expected ").append(words(expecting.group(1)));
      }
    }
    if (token.getType() == ConditionLexer.PATH || token.getType() == ConditionLexer.WORD) {
      Suggestions.closest(token.getText().toLowerCase(java.util.Locale.ROOT), Keywords.OPERATORS)
          .ifPresent(s -> message.append(", did you mean [").append(s).append("]?"));
    }
    if (token.getType() == ConditionLexer.WORD || token.getType() == ConditionLexer.PATH) {
      if (message.indexOf("did you mean") < 0 && antlrMessage.contains("STRING")) {
        message.append("; quote text values: ['").append(token.getText()).append("']");
      }
    }
    return message.toString();
  }

  /** Token names in an ANTLR expectation set, in the words users write. */
  private static String words(String antlrSet) {
    String inner =
        antlrSet.startsWith("{") ? antlrSet.substring(1, antlrSet.length() - 1) : antlrSet;
    StringBuilder out = new StringBuilder();
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    for (String part : inner.split(", ")) {
      Matcher quoted = QUOTED.matcher(part);
      seen.add(
          quoted.matches()
              ? quoted.group(1)
              : TOKEN_WORDS.getOrDefault(part, part.toLowerCase(java.util.Locale.ROOT)));
    }
    if (seen.size() > 6) {
      return seen.contains("==") ? "an operator" : "a value";
    }
    for (String s : seen) {
      out.append(out.length() == 0 ? "" : ", ").append(s);
    }
    return out.toString();
  }
}
