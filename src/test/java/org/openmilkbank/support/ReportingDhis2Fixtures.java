package org.openmilkbank.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import org.openmilkbank.reporting.dhis2.Dhis2Forms;
import org.openmilkbank.reporting.dhis2.Dhis2Mapping;
import org.openmilkbank.reporting.dhis2.Dhis2Pushes;
import org.openmilkbank.reporting.dhis2.Dhis2Settings;
import org.openmilkbank.shared.Role;
import org.springframework.context.ApplicationContext;

/**
 * The bank's DHIS2 pages with something on them, for tests that look at every page: a connection (to a server that
 * is not there), the dispensed volume mapped, and one dry run recorded (it could not reach the server).
 */
public final class ReportingDhis2Fixtures {

    private ReportingDhis2Fixtures() {}

    public record Made(UUID mappingId, UUID pushId) {}

    public static Made configured(ApplicationContext context) {
        Dhis2Settings settings = context.getBean(Dhis2Settings.class);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "http://127.0.0.1:" + closed;
        Staff.as(
                "dhis2-admin",
                Role.ADMIN,
                () -> settings.saveConnection(new Dhis2Forms.ConnectionForm(
                        url,
                        "bank-reporter",
                        "district-Pa55word",
                        "DiszpKrYNg8",
                        "BfMAe6Itzgt",
                        null,
                        "pages under test",
                        null)));
        Dhis2Mapping[] row = new Dhis2Mapping[1];
        UUID[] push = new UUID[1];
        Staff.as("dhis2-manager", Role.MANAGER, () -> {
            row[0] = settings.inForce().stream()
                    .filter(m -> m.indicatorCode().equals("VOLUME_DISPENSED") && m.breakdown() == null)
                    .findFirst()
                    .orElseGet(() -> settings.map(
                            new Dhis2Forms.MappingForm("VOLUME_DISPENSED", null, "cYeuwXTCPkU", null, null)));
            YearMonth last = YearMonth.now(context.getBean(Clock.class)).minusMonths(1);
            push[0] = context.getBean(Dhis2Pushes.class).push(last, true).id();
        });
        return new Made(row[0].id(), push[0]);
    }
}
