package io.tocsin.agent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The agent talks to the server over HTTP only and shares nothing with it but the event model, so
 * it ships as a small jar and runs against any server version that speaks the same API.
 */
@AnalyzeClasses(packages = "io.tocsin", importOptions = ImportOption.DoNotIncludeTests.class)
class AgentLayeringTest {

  @ArchTest
  static final ArchRule agent_depends_on_no_server_module =
      noClasses()
          .that()
          .resideInAPackage("io.tocsin.agent..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.tocsin.api..", "io.tocsin.engine..", "io.tocsin.dsl..", "io.tocsin.rules..");
}
