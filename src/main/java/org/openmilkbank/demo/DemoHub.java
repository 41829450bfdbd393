package org.openmilkbank.demo;

import java.util.List;
import java.util.Set;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.network.NetworkHub;
import org.openmilkbank.network.NewNetworkBank;
import org.openmilkbank.shared.Role;
import org.slf4j.Logger;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo network hub (an installation run with {@code openmilkbank.network.mode=hub}): no milk bank, a coordinator
 * {@code coordinator} with the demo password, and three banks registered and waiting for enrolment, whose one-time
 * codes are fixed and printed at start so a demo bank can enrol with one.
 */
@Component
class DemoHub {

    static final String COORDINATOR = "coordinator";

    record DemoNetworkBank(NewNetworkBank bank, String code) {}

    static final List<DemoNetworkBank> BANKS = List.of(
            new DemoNetworkBank(
                    new NewNetworkBank("A0001", "VN", "Hà Nội", 380, "Ngân hàng sữa mẹ Hà Nội"), "DEMO-HANO-IBNK-0001"),
            new DemoNetworkBank(
                    new NewNetworkBank("B0002", "VN", "Thành phố Hồ Chí Minh", 520, "Ngân hàng sữa mẹ Từ Dũ"),
                    "DEMO-TUDU-BANK-0002"),
            new DemoNetworkBank(
                    new NewNetworkBank("L0003", "LA", "Vientiane", 60, "Mahosot milk bank"), "DEMO-VTNE-BANK-0003"));

    private final IdentityManagement identity;
    private final NetworkHub hub;

    DemoHub(IdentityManagement identity, NetworkHub hub) {
        this.identity = identity;
        this.hub = hub;
    }

    boolean isEmpty() {
        return identity.findByUsername(COORDINATOR).isEmpty();
    }

    void build() {
        SecurityContextHolder.clearContext();
        identity.createWithPublishedPassword(
                COORDINATOR, "Network coordinator", DemoBank.PASSWORD, Set.of(Role.NETWORK_COORDINATOR));
        BANKS.stream()
                .filter(b -> !hub.isRegistered(b.bank().facilityCode()))
                .forEach(b -> hub.registerForDemo(b.bank(), b.code()));
    }

    static void printCredentials(Logger log) {
        StringBuilder sb = new StringBuilder("\n")
                .append("=".repeat(64))
                .append("\n  OpenMilkBank demo network hub ready. Coordinator: ")
                .append(COORDINATOR)
                .append(" (password ")
                .append(DemoBank.PASSWORD)
                .append(").\n  Banks waiting for enrolment, with their one-time codes:\n");
        BANKS.forEach(b -> sb.append(String.format(
                "    %-8s %-20s %s%n",
                b.bank().facilityCode(), b.code(), b.bank().displayName())));
        sb.append("=".repeat(64));
        log.warn(sb.toString());
    }
}
