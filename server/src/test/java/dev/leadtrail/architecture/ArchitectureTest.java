package dev.leadtrail.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rooms and their doors (README, "Layout"): each package is a room, and what may cross from one
 * into another is checked here, so that a shortcut fails the build instead of waiting for a review.
 */
@AnalyzeClasses(packages = "dev.leadtrail", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The packages that serve the API's calls; the HTTP layer knows none of them. */
  private static final String[] FEATURES = {
    "dev.leadtrail.activity..",
    "dev.leadtrail.activitytype..",
    "dev.leadtrail.auth..",
    "dev.leadtrail.lead..",
    "dev.leadtrail.org..",
    "dev.leadtrail.user..",
    "dev.leadtrail.file..",
    "dev.leadtrail.webhook..",
    "dev.leadtrail.ratelimit..",
    "dev.leadtrail.management..",
    "dev.leadtrail.demo..",
    "dev.leadtrail.cli.."
  };

  @ArchTest
  static final ArchRule packagesFormNoCycle =
      slices().matching("dev.leadtrail.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule httpDependsOnNoFeature =
      noClasses()
          .that()
          .resideInAPackage("dev.leadtrail.http..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES)
          .because(
              "http owns the interfaces it calls (CallGate, ApiEndpoints); features implement them");

  @ArchTest
  static final ArchRule theFoundationsDependOnNoFeature =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.leadtrail.storage..",
              "dev.leadtrail.value..",
              "dev.leadtrail.error..",
              "dev.leadtrail.config..",
              "dev.leadtrail.logging..",
              "dev.leadtrail.outbound..",
              "dev.leadtrail.tls..",
              "dev.leadtrail.jobs..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES)
          .because(
              "features build on storage, values, errors, settings and outbound requests, never the reverse");

  @ArchTest
  static final ArchRule repositoriesAreTheirPackagesOwn =
      classes()
          .that()
          .haveSimpleNameEndingWith("Repository")
          .should()
          .notBePublic()
          .andShould(beUsedOnlyWithinTheirPackage());

  @ArchTest
  static final ArchRule onlyStorageAndRepositoriesTalkSql =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.leadtrail.storage..")
          .and()
          .haveSimpleNameNotEndingWith("Repository")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.jdbi..", "java.sql..")
          .because("services reach the store through Database.read, write and decideThenStore");

  private static ArchCondition<JavaClass> beUsedOnlyWithinTheirPackage() {
    return new ArchCondition<>("be used only within their package") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
          JavaClass user = dependency.getOriginClass();
          if (!user.getPackageName().equals(repository.getPackageName())) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }
}
