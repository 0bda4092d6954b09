package org.pouch.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The package rules of the gateway, checked on this module's production classes only: the engine's
 * classes arrive on the class path too, as a jar or as a directory depending on how far the build got.
 * Until the gateway has classes of its own the rules pass on an empty import.
 */
@AnalyzeClasses(locations = ArchitectureTest.ThisModule.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule allClassesInTheGatewayPackage = classes()
            .should()
            .resideInAPackage("org.pouch.gateway..")
            .because("the engine owns every other org.pouch package; a package split across modules"
                    + " breaks package-private access and the engine's rules")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noBouncyCastle = noClasses()
            .that()
            .resideInAPackage("org.pouch.gateway..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.bouncycastle..")
            .because("the gateway seals, opens and handles keys through the engine's envelope, keys and"
                    + " certificates APIs")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noCatchAllPackages = noClasses()
            .should()
            .resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..", "..processors..")
            .because("code lives in the package of the feature it serves")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("org.pouch.gateway.(*)..")
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(true);

    /** The class files compiled from this module's main sources, next to its test classes. */
    static final class ThisModule implements LocationProvider {

        @Override
        public Set<Location> get(Class<?> testClass) {
            Path mainClasses = testClassesDirectory(testClass).resolveSibling("classes");
            return Files.isDirectory(mainClasses) ? Set.of(Location.of(mainClasses)) : Set.of();
        }

        private static Path testClassesDirectory(Class<?> testClass) {
            try {
                return Path.of(testClass
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the test classes of " + testClass, e);
            }
        }
    }
}
