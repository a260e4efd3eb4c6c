package io.tocsin.dsl.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is pushed down, and in which shape; agreement itself is MongoAgreementTest's job. */
class MongoTranslatorTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          process.name == 'cmd.exe'            | true  | {"process.name": "cmd.exe"}
          process.name:power*                  | true  | {"process.name": {"$regex": "\\\\Apower[\\\\s\\\\S]*\\\\z"}}
          process.name icontains 'ps'          | true  | {"process.name": {"$regex": "[pP][sS]"}}
          file.name endswith '.ps1'            | true  | {"file.name": {"$regex": "\\\\.ps1\\\\z"}}
          file.size > 1KB                      | true  | {"file.size": {"$gt": 1024}}
          user.name != 'root'                  | true  | {"user.name": {"$exists": true, "$ne": "root"}}
          user.name not in ('a', 'b')          | true  | {"user.name": {"$exists": true, "$nin": ["a", "b"]}}
          not user.name == 'root'              | true  | {"$nor": [{"user.name": "root"}]}
          network.source.ip == '10.0.0.1'      | true  | {"network.source.ip": "10.0.0.1"}
          network.source.ip in 10.0.0.0/8      | false | {"network.source.ip": {"$exists": true}}
          process.command_line matches 'x+'    | false | {"process.command_line": {"$exists": true}}
          lower(process.name) == 'cmd.exe'     | false | {"process.name": {"$exists": true}}
          user.name == 'a' or process.name matches 'x' | false | {"$or": [{"user.name": "a"}, {"process.name": {"$exists": true}}]}
          user.name == 'a' or not process.name matches 'x' | false | {}
          false                                | true  | {"_id": {"$in": []}}
          """)
  void translates(String condition, boolean exact, String filter) {
    MongoQuery q = MongoTranslator.translate(Conditions.compile(condition, ConditionContext.EMPTY));
    assertThat(q.exact()).isEqualTo(exact);
    assertThat(q.filter().toJson()).isEqualToIgnoringWhitespace(filter);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = "ts >= '2024-05-01' | event.")
  void prefixesPaths(String condition, String prefix) {
    MongoQuery q =
        MongoTranslator.translate(Conditions.compile(condition, ConditionContext.EMPTY), prefix);
    assertThat(q.filter().toJson()).contains("\"event.ts\"").contains("$gte").contains("$date");
  }
}
