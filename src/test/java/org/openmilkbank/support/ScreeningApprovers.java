package org.openmilkbank.support;

import java.util.Set;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The accounts {@link DonorFixtures#completeScreening} approves screenings as: approving signs with the
 * approver's own password, so they exist (with {@link Staff#PASSWORD}) in every application context a test uses.
 */
public class ScreeningApprovers implements TestExecutionListener {

    static final String FIRST = "screening-approver-1";
    static final String SECOND = "screening-approver-2";

    @Override
    public void prepareTestInstance(TestContext context) {
        prepare(context.getApplicationContext());
    }

    /** Makes the approvers in an application started without the test framework ({@link Installations}). */
    static void prepare(org.springframework.context.ApplicationContext application) {
        var identity = application.getBeanProvider(IdentityManagement.class).getIfAvailable();
        if (identity == null) {
            return;
        }
        synchronized (ScreeningApprovers.class) {
            ensure(identity, FIRST, Role.DONOR_COORDINATOR);
            ensure(identity, SECOND, Role.MANAGER);
        }
    }

    private static void ensure(IdentityManagement identity, String username, Role role) {
        Staff.asSystem(() -> {
            if (identity.findByUsername(username).isEmpty()) {
                identity.create(username, "Screening approver", Staff.PASSWORD, Set.of(role));
            }
        });
    }
}
