package io.tocsin.dsl.mongo;

import static io.tocsin.dsl.mongo.Samples.pick;

import java.util.List;
import java.util.Random;

/** Random valid conditions covering every operator, literal kind and field type. */
final class ConditionSamples {

  static final List<String> STRING_FIELDS =
      List.of("process.name", "user.name", "file.path", "process.command_line", "auth.result");
  static final List<String> STRING_OPS =
      List.of(
          "==",
          "!=",
          "contains",
          "icontains",
          "startswith",
          "istartswith",
          "endswith",
          "iendswith");
  static final List<String> GLOBS =
      List.of("*.exe", "**/*.sh", "/tmp/**/*.sh", "power*", "?md.exe", "*", "**", "/tmp/*.sh");
  static final List<String> REGEXES =
      List.of("(?i)-enc(odedcommand)?\\s", "^cmd", "exe$", "a.b", "(?i)^power", "\\d");
  static final List<String> WILDCARDS = List.of("power*", "*.exe", "cmd?exe", "*sh", "*");
  static final List<String> NUMBERS =
      List.of("0", "1", "22", "1024", "1.5", "-1", "3389", "22.0", "65535");
  static final List<String> SIZES = List.of("1KB", "100MB", "1.5KB", "1GiB", "0B", "1024");
  static final List<String> IP_VALUES = List.of("'10.0.0.1'", "'::1'", "'fe80::1'", "10.0.0.1");
  static final List<String> CIDRS =
      List.of("10.0.0.0/8", "fe80::/10", "192.168.1.0/24", "0.0.0.0/0", "::/0", "10.0.0.1/32");
  static final List<String> TIMES =
      List.of(
          "'2024-05-01'",
          "'2024-05-01T10:00:00Z'",
          "'2024-05-01T10:00:00.0000001Z'",
          "'2024-04-30T23:59:59.999Z'");
  static final List<String> ANY_VALUES =
      List.of("5", "5.0", "'5'", "1.5", "true", "0", "'hello'", "-0.0");

  private ConditionSamples() {}

  static String condition(Random r, int depth) {
    int choice = depth <= 0 ? 0 : r.nextInt(6);
    return switch (choice) {
      case 1 -> "not " + condition(r, depth - 1);
      case 2 -> "(" + condition(r, depth - 1) + " and " + condition(r, depth - 1) + ")";
      case 3 -> "(" + condition(r, depth - 1) + " or " + condition(r, depth - 1) + ")";
      default -> atom(r);
    };
  }

  static String atom(Random r) {
    return switch (r.nextInt(12)) {
      case 0, 1 -> stringAtom(r, pick(r, STRING_FIELDS));
      case 2 -> numberAtom(r, pick(r, List.of("process.pid", "network.destination.port")), NUMBERS);
      case 3 -> numberAtom(r, "file.size", r.nextBoolean() ? SIZES : NUMBERS);
      case 4 -> ipAtom(r);
      case 5 -> "ts " + pick(r, List.of("==", "!=", "<", "<=", ">", ">=")) + " " + pick(r, TIMES);
      case 6 -> arrayAtom(r, pick(r, List.of("process.cmd", "labels")));
      case 7 -> anyAtom(r);
      case 8 -> functionAtom(r);
      case 9 -> pick(r, STRING_FIELDS) + ":" + pick(r, WILDCARDS);
      case 10 ->
          pick(r, List.of("process.hash", "process.name", "labels", "payload.count")) + " exists";
      default -> pick(r, List.of("true", "false", "process.name:cmd.exe", "file.size:>1KB"));
    };
  }

  private static String stringAtom(Random r, String field) {
    return switch (r.nextInt(6)) {
      case 0 -> field + " glob " + quote(pick(r, GLOBS));
      case 1 -> field + " matches " + quote(pick(r, REGEXES));
      case 2 ->
          field + (r.nextBoolean() ? " in " : " not in ") + "(" + value(r) + ", " + value(r) + ")";
      default -> field + " " + pick(r, STRING_OPS) + " " + value(r);
    };
  }

  private static String value(Random r) {
    return quote(
        r.nextInt(3) == 0
            ? pick(r, Samples.NAMES)
            : pick(r, List.of("cmd", "exe", "power", "sh", "a.sh", "CMD.EXE", "k", "ß", "root")));
  }

  private static String numberAtom(Random r, String field, List<String> values) {
    String op = pick(r, List.of("==", "!=", "<", "<=", ">", ">=", "in", "not in", ":", ":>"));
    return switch (op) {
      case "in", "not in" ->
          field + " " + op + " (" + pick(r, values) + ", " + pick(r, values) + ")";
      case ":", ":>" -> field + op + pick(r, values);
      default -> field + " " + op + " " + pick(r, values);
    };
  }

  private static String ipAtom(Random r) {
    String f = "network.source.ip";
    return switch (r.nextInt(5)) {
      case 0 -> f + " in " + pick(r, CIDRS);
      case 1 -> f + " not in (" + pick(r, CIDRS) + ", " + pick(r, IP_VALUES) + ")";
      case 2 -> f + ":" + pick(r, CIDRS);
      case 3 -> f + " startswith '10.'";
      default -> f + " " + pick(r, List.of("==", "!=")) + " " + pick(r, IP_VALUES);
    };
  }

  private static String arrayAtom(Random r, String field) {
    return switch (r.nextInt(5)) {
      case 0 -> field + " " + pick(r, List.of("==", "!=")) + " " + quote(pick(r, Samples.ARGS));
      case 1 -> field + " " + pick(r, List.of("contains", "icontains")) + " 'nop'";
      case 2 -> field + (r.nextBoolean() ? " in " : " not in ") + "('malware', '-nop', 'hidden')";
      case 3 -> field + " glob '*alware'";
      default -> field + ":" + pick(r, List.of("malware", "-nop", "Malware"));
    };
  }

  private static String anyAtom(Random r) {
    String op = pick(r, List.of("==", "!=", "<", ">", "in", "not in"));
    String v = pick(r, ANY_VALUES);
    if (op.equals("<") || op.equals(">")) {
      v = pick(r, List.of("5", "1.5", "0", "-1"));
    }
    if (op.contains("in")) {
      v = "(" + v + ", " + pick(r, ANY_VALUES) + ")";
    }
    return "payload.count " + op + " " + v;
  }

  private static String functionAtom(Random r) {
    return pick(
        r,
        List.of(
            "lower(process.name) == 'cmd.exe'",
            "upper(process.name) startswith 'POWER'",
            "basename(file.path) == 'a.sh'",
            "extension(file.path) in ('sh', 'ps1')",
            "len(user.name) > 3",
            "len(process.cmd) >= 2",
            "lower(process.cmd) contains '-nop'",
            "join(process.cmd) contains '-w hidden'",
            "dirname(file.path) == '/tmp'",
            "trim(user.name) == ''"));
  }

  static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
  }
}
