package org.pouch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/** The package rules of the exchange engine, checked on its production classes. */
@AnalyzeClasses(packages = "org.pouch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BOUNCY_CASTLE = "org.bouncycastle..";

    @ArchTest
    static final ArchRule onlyCryptoPackagesUseBouncyCastle = noClasses()
            .that()
            .resideOutsideOfPackages("org.pouch.envelope..", "org.pouch.certificates..", "org.pouch.keys..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BOUNCY_CASTLE)
            .because("CMS, X.509 and key handling are kept where they can be reviewed together;"
                    + " everything else goes through their APIs");

    @ArchTest
    static final ArchRule noBouncyCastleTypeInPublicSignatures = members()
            .that(areVisibleOutsideTheirPackage())
            .and()
            .areDeclaredInClassesThat()
            .arePublic()
            .should(mentionNoBouncyCastleType())
            .because("callers never handle a Bouncy Castle type; the provider stays replaceable");

    @ArchTest
    static final ArchRule noCatchAllPackages = noClasses()
            .should()
            .resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..", "..processors..")
            .because("code lives in the package of the feature it serves");

    @ArchTest
    static final ArchRule noGatewayPackageInTheEngine = noClasses()
            .should()
            .resideInAPackage("org.pouch.gateway..")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("org.pouch.gateway..")
            .because("the gateway module owns org.pouch.gateway and depends on the engine, never the reverse");

    @ArchTest
    static final ArchRule noSpringBoot = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.boot..")
            .because("the engine is a library: the auditor's verifier and the route tests run without Spring Boot");

    @ArchTest
    static final ArchRule exchangeVocabularyDependsOnNoFeature = noClasses()
            .that()
            .resideInAPackage("org.pouch.exchange..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.pouch..").and(resideOutsideOfPackage("org.pouch.exchange..")))
            .because("every feature uses the shared vocabulary, so it can use none of them");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles =
            slices().matching("org.pouch.(*)..").should().beFreeOfCycles();

    private static DescribedPredicate<JavaMember> areVisibleOutsideTheirPackage() {
        return DescribedPredicate.describe(
                "are public or protected",
                member -> member.getModifiers().contains(JavaModifier.PUBLIC)
                        || member.getModifiers().contains(JavaModifier.PROTECTED));
    }

    private static ArchCondition<JavaMember> mentionNoBouncyCastleType() {
        DescribedPredicate<JavaClass> bouncyCastle = resideInAPackage(BOUNCY_CASTLE);
        return new ArchCondition<>("mention no Bouncy Castle type in their signature") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                for (JavaType type : signatureTypes(member)) {
                    for (JavaClass involved : type.getAllInvolvedRawTypes()) {
                        if (bouncyCastle.test(involved)) {
                            events.add(SimpleConditionEvent.violated(
                                    member, member.getFullName() + " exposes " + involved.getName()));
                        }
                    }
                }
            }
        };
    }

    private static List<JavaType> signatureTypes(JavaMember member) {
        List<JavaType> types = new ArrayList<>();
        if (member instanceof JavaField field) {
            types.add(field.getType());
        }
        if (member instanceof JavaCodeUnit codeUnit) {
            types.add(codeUnit.getReturnType());
            types.addAll(codeUnit.getParameterTypes());
            codeUnit.getThrowsClause().forEach(thrown -> types.add(thrown.getRawType()));
        }
        return types;
    }
}
