package io.tocsin.api.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.tocsin.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiPackageCyclesTest {

  @ArchTest
  static final ArchRule feature_packages_are_free_of_cycles =
      slices().matching("io.tocsin.api.(*)..").should().beFreeOfCycles();
}
