package org.ftsim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The package structure the conventions ask for: no cycles between the top-level packages, and the
 * maths (rules, detectors, faults, optimisers, specs and seeds, closed-form correction) pure of
 * Spark, of DL4J and of the driver's packages, so that it is testable without any of them.
 */
@AnalyzeClasses(packages = "org.ftsim", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * The classes of {@code org.ftsim.correction} that fit or store on Spark (MLlib regressors, their
   * registry, the replica Parquet files). They would live in a subpackage but for references from
   * the driver's and the Spark helpers' packages: {@code driver.Assembly} uses {@code
   * RegressorRegistry} and {@code spark.KryoRegistration} imports {@code ReplicaData}; the MLlib
   * regressors also use package-private maths ({@code MinMax}, {@code StepFunction}, {@code
   * ReplicaPairs.scaled}).
   */
  private static final Set<String> MLLIB_BRIDGE =
      Set.of(
          "org.ftsim.correction.CoordinateFrame",
          "org.ftsim.correction.MllibGradientBoostedTrees",
          "org.ftsim.correction.MllibLinearRegression",
          "org.ftsim.correction.MultilayerPerceptron",
          "org.ftsim.correction.RegressorRegistry",
          "org.ftsim.correction.ReplicaData");

  private static final DescribedPredicate<JavaClass> IN_BRIDGE =
      DescribedPredicate.describe("are in correction's MLlib bridge", ArchitectureTest::inBridge);

  private static final DescribedPredicate<JavaClass> NOT_IN_BRIDGE =
      DescribedPredicate.describe("are not in correction's MLlib bridge", c -> !inBridge(c));

  private static boolean inBridge(JavaClass c) {
    return MLLIB_BRIDGE.contains(c.getName().replaceFirst("\\$.*", ""));
  }

  private static final String[] SPARK_AND_DRIVER = {
    "org.apache.spark..",
    "org.deeplearning4j..",
    "org.ftsim.driver..",
    "org.ftsim.cli..",
    "org.ftsim.spark..",
    "org.ftsim.results..",
    "org.ftsim.checkpoint..",
    "org.ftsim.config..",
  };

  @ArchTest
  static final ArchRule topLevelPackagesFormNoCycles =
      slices().matching("org.ftsim.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule mathsDependsOnNeitherSparkNorTheDriver =
      noClasses()
          .that()
          .resideInAnyPackage(
              "org.ftsim.aggregation..",
              "org.ftsim.detection..",
              "org.ftsim.fault..",
              "org.ftsim.optim..",
              "org.ftsim.base..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SPARK_AND_DRIVER);

  @ArchTest
  static final ArchRule closedFormCorrectionDependsOnNeitherSparkNorTheDriver =
      noClasses()
          .that()
          .resideInAPackage("org.ftsim.correction..")
          .and(NOT_IN_BRIDGE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SPARK_AND_DRIVER);

  /** So that the bridge can move to a subpackage without a cycle between it and correction. */
  @ArchTest
  static final ArchRule closedFormCorrectionDoesNotUseTheBridge =
      noClasses()
          .that()
          .resideInAPackage("org.ftsim.correction..")
          .and(NOT_IN_BRIDGE)
          .should()
          .dependOnClassesThat(IN_BRIDGE);
}
