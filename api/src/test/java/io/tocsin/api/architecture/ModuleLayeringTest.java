package io.tocsin.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module stack, bottom up: model ← dsl ← engine ← rules ← api. Maven's dependencies already
 * stop a lower module from compiling against a higher one; these rules also say which libraries
 * each layer may touch, which Maven cannot (api sees Drools and ANTLR transitively). The api
 * module's test classpath holds every module but the agent (see the agent's own rule).
 */
@AnalyzeClasses(packages = "io.tocsin", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleLayeringTest {

  @ArchTest
  static final ArchRule model_depends_on_no_other_tocsin_module =
      noClasses()
          .that()
          .resideInAPackage("io.tocsin.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.tocsin.dsl..", "io.tocsin.engine..", "io.tocsin.rules..", "io.tocsin.api..");

  @ArchTest
  static final ArchRule dsl_depends_only_on_model =
      noClasses()
          .that()
          .resideInAPackage("io.tocsin.dsl..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.tocsin.engine..", "io.tocsin.rules..", "io.tocsin.api..");

  @ArchTest
  static final ArchRule engine_depends_only_on_dsl_and_model =
      noClasses()
          .that()
          .resideInAPackage("io.tocsin.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.tocsin.rules..", "io.tocsin.api..");

  @ArchTest
  static final ArchRule rules_never_depend_on_the_server =
      noClasses()
          .that()
          .resideInAPackage("io.tocsin.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.tocsin.api..");

  /** Drools is the engine's implementation detail: policies reach it only through the engine. */
  @ArchTest
  static final ArchRule only_the_engine_uses_drools =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.tocsin.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.drools..", "org.kie..");

  /** The parser is the only phase that sees ANTLR: the AST never carries tokens or contexts. */
  @ArchTest
  static final ArchRule only_the_parser_uses_antlr =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.tocsin.dsl.parser..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.antlr..");
}
