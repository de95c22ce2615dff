package dev.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Dependencies point one way: engine ← gateway ← telemetry ← console/cli. Checked on the compiled main classes
 * (ArchUnit reads the bytecode, so a fully qualified name counts as much as an import); a failure names the class,
 * the class it depends on and the source line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final String ROOT = "dev.switchboard";

    private JavaClasses main;

    @BeforeAll
    void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void theEngineIsPureJava() {
        check(noClasses().that().resideInAPackage(ROOT + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "javafx..",
                        ROOT + ".gateway..", ROOT + ".telemetry..", ROOT + ".console..", ROOT + ".cli..")
                .because("the engine is pure Java, driven by the gateway and tested in virtual time"));
    }

    @Test
    void configAndTheDnsDecisionLogicHaveNoUiOrNetworkCode() {
        // dns itself (traffic profiles) only: its server subpackage is network code.
        check(noClasses().that().resideInAnyPackage(ROOT + ".config..", ROOT + ".dns")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "javafx..")
                .because("config and the traffic profiles' decisions are reused by the console and tested alone"));
    }

    @Test
    void theGatewayKnowsNothingOfTelemetryConsoleOrCli() {
        check(noClasses().that().resideInAPackage(ROOT + ".gateway..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".telemetry..", ROOT + ".console..", ROOT + ".cli..")
                .because("telemetry reads the gateway's stats, never the reverse"));
    }

    @Test
    void notificationsKnowNothingOfTheGatewayTelemetryOrConsole() {
        check(noClasses().that().resideInAPackage(ROOT + ".notify..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".gateway..", ROOT + ".telemetry..", ROOT + ".console..",
                        ROOT + ".cli..", "io.netty..", "javafx..")
                .because("the notifier listens to the engine and traffic profiles; the gateway wires it, telemetry and the console read it"));
    }

    @Test
    void telemetryKnowsNothingOfConsoleOrCli() {
        check(noClasses().that().resideInAPackage(ROOT + ".telemetry..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".console..", ROOT + ".cli..")
                .because("the console is one client of the telemetry stream among others"));
    }

    @Test
    void consoleViewModelsHaveNoScene() {
        check(noClasses().that(viewModels())
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("view models hold state and logic testable without a window; views bind to them"));
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        check(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles());
    }

    /**
     * Every {@code *Model} / {@code *ViewModel} class under the console (each feature package keeps its view model
     * beside its view), plus the packages that hold models only: history, the config form model and the data sources.
     */
    private static DescribedPredicate<JavaClass> viewModels() {
        String console = ROOT + ".console";
        List<String> modelOnly = List.of(console + ".history", console + ".health", console + ".config.form", console + ".feed", console + ".embedded",
                console + ".remote");
        return DescribedPredicate.describe("are console view models (named *Model / *ViewModel under " + console
                + "..) or in a model-only package " + modelOnly, c -> {
            String pkg = c.getPackageName();
            if (!pkg.startsWith(console)) {
                return false;
            }
            String outer = c.getName().substring(pkg.length() + 1).split("\\$")[0];
            return outer.endsWith("Model") || modelOnly.stream().anyMatch(m -> pkg.equals(m) || pkg.startsWith(m + "."));
        });
    }

    private void check(ArchRule rule) {
        rule.check(main);
    }
}
