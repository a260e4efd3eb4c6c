package io.tocsin.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.web.bind.annotation.RestController;

/** How the server module is layered inside: see each package's package-info.java. */
@AnalyzeClasses(packages = "io.tocsin.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerLayeringTest {

  /** A controller is an HTTP edge: logic others need lives in its feature's services. */
  @ArchTest
  static final ArchRule controllers_are_used_by_no_other_class =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .should(beAccessedOnlyFromWithinThemselves());

  /** Kafka is an optional scale-out mode: the rest of the server works without the broker. */
  @ArchTest
  static final ArchRule only_the_kafka_package_uses_kafka =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.tocsin.api.kafka..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

  /** Constructor injection only (STYLE.md): dependencies are visible and final. */
  @ArchTest static final ArchRule no_field_injection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

  private static ArchCondition<JavaClass> beAccessedOnlyFromWithinThemselves() {
    return new ArchCondition<>("be accessed only from within themselves") {
      @Override
      public void check(JavaClass controller, ConditionEvents events) {
        for (JavaAccess<?> access : controller.getAccessesToSelf()) {
          JavaClass origin = access.getOriginOwner();
          if (!topLevel(origin).equals(topLevel(controller))) {
            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
          }
        }
      }
    };
  }

  private static JavaClass topLevel(JavaClass type) {
    JavaClass current = type;
    while (current.getEnclosingClass().isPresent()) {
      current = current.getEnclosingClass().get();
    }
    return current;
  }
}
