package org.plantwin.actors.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Simulation code reads no wall clock, never sleeps, uses no Pekko timers or scheduler and no unseeded randomness:
 * simulated time comes from the kernel and random numbers from seeded named streams.
 */
class NoWallClockTest {

    private static final String[] SIMULATION = {"org.plantwin.actors.kernel..", "org.plantwin.actors.entity..",
        "org.plantwin.actors.stats..", "org.plantwin.scenarios.model.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.plantwin.actors", "org.plantwin.scenarios");

    private static void check(ArchRule rule) {
        rule.check(CLASSES);
    }

    @Test
    void simulationCodeReadsNoWallClock() {
        check(noClasses().that().resideInAnyPackage(SIMULATION).should()
                .callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().resideInAPackage("java.time..")
                .because("simulated time is a long owned by the kernel"));
    }

    @Test
    void simulationCodeNeverSleepsNorUsesPekkoTimers() {
        check(noClasses().that().resideInAnyPackage(SIMULATION).should()
                .callMethod(Thread.class, "sleep", long.class)
                .orShould().dependOnClassesThat().haveSimpleName("TimerScheduler")
                .orShould().dependOnClassesThat().haveSimpleName("Scheduler")
                .because("delays are events on the kernel's agenda, not timers"));
    }

    @Test
    void simulationCodeUsesNoUnseededRandomness() {
        check(noClasses().that().resideInAnyPackage(SIMULATION).should()
                .callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .because("every random number comes from a named stream of the run's seed"));
    }
}
