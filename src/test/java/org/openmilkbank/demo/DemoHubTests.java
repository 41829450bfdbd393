package org.openmilkbank.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.network.NetworkHub;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo hub: a coordinator with the demo password and banks waiting for enrolment with their fixed codes. */
@IntegrationTest
class DemoHubTests {

    @Autowired
    DemoHub demoHub;

    @Autowired
    NetworkHub hub;

    @Autowired
    IdentityManagement identity;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.openmilkbank.network.BankKey key;

    @org.springframework.beans.factory.annotation.Value("${openmilkbank.facility-code}")
    String facilityCode;

    @Test
    void makesACoordinatorAndBanksWaitingForEnrolmentWithOneOpenCodeEach() {
        // this installation is also the tests' bank (A0001, a demo bank's code too): it stays enrolled with its key
        if (!hub.isRegistered(facilityCode)) {
            hub.register(facilityCode, "VN", "Hà Nội", 380, key.publicKeyText());
        }
        if (demoHub.isEmpty()) {
            transactions.executeWithoutResult(s -> demoHub.build());
        }

        assertThat(identity.findByUsername(DemoHub.COORDINATOR))
                .hasValueSatisfying(a -> assertThat(a.roles()).containsExactly(Role.NETWORK_COORDINATOR));
        NetworkHub.BankView tuDu = hub.bank("B0002");
        assertThat(tuDu.enrolled()).isFalse();
        assertThat(tuDu.country()).isEqualTo("VN");
        assertThat(hub.codes("B0002"))
                .singleElement()
                .satisfies(c -> assertThat(c.usedAt()).isNull());
        assertThat(hub.bank("L0003").country()).isEqualTo("LA");
    }
}
