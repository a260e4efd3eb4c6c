package io.tocsin.dsl.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The condition language's reserved words, read from the generated lexer rather than copied: a
 * token whose lower-cased name lexes back to that token (AND → {@code and}, ICONTAINS → {@code
 * icontains}) is a keyword (the identifier tokens themselves excepted), so a word added to {@code
 * Condition.g4} is reserved everywhere (list and macro names, did-you-mean hints) without another
 * edit.
 */
public final class Keywords {

  /** Every reserved word, in grammar order: no list, macro or field may be named after one. */
  public static final List<String> RESERVED = reservedWords();

  /** The reserved words that join or compare (all but the literals {@code true}/{@code false}). */
  public static final List<String> OPERATORS =
      RESERVED.stream().filter(w -> !w.equals("true") && !w.equals("false")).toList();

  private static final Set<String> LOOKUP = Set.copyOf(RESERVED);

  private Keywords() {}

  /** Whether {@code word} is reserved, ignoring case. */
  public static boolean isReserved(String word) {
    return word != null && LOOKUP.contains(word.toLowerCase(Locale.ROOT));
  }

  private static List<String> reservedWords() {
    List<String> words = new ArrayList<>();
    for (int type = 1; type <= ConditionLexer.VOCABULARY.getMaxTokenType(); type++) {
      String name = ConditionLexer.VOCABULARY.getSymbolicName(type);
      boolean identifier = type == ConditionLexer.PATH || type == ConditionLexer.WORD;
      if (!identifier && name != null && name.chars().allMatch(Character::isLetter)) {
        String word = name.toLowerCase(Locale.ROOT);
        if (lexesTo(word, type)) {
          words.add(word);
        }
      }
    }
    return List.copyOf(words);
  }

  private static boolean lexesTo(String text, int type) {
    ConditionLexer lexer = new ConditionLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    Token first = lexer.nextToken();
    return first.getType() == type && lexer.nextToken().getType() == Token.EOF;
  }
}
