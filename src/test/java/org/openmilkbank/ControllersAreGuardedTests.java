package org.openmilkbank;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every page and API call checks the role: a handler without {@code @PreAuthorize} fails the build. */
class ControllersAreGuardedTests {

    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openmilkbank");

    @Test
    void everyHandlerMethodDeclaresWhoMayCallIt() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Controller.class)
                .or()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(RestController.class)
                .and()
                .areMetaAnnotatedWith(RequestMapping.class)
                .should(beGuarded())
                .allowEmptyShould(false)
                .check(classes);
    }

    private static ArchCondition<JavaMethod> beGuarded() {
        return new ArchCondition<>("be guarded by @PreAuthorize on the method or its class") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean guarded = method.isAnnotatedWith(PreAuthorize.class)
                        || method.getOwner().isAnnotatedWith(PreAuthorize.class);
                boolean publicLogin = method.getOwner().getSimpleName().equals("LoginController");
                if (!guarded && !publicLogin) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " has no @PreAuthorize"));
                }
            }
        };
    }
}
