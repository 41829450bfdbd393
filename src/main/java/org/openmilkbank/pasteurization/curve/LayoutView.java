package org.openmilkbank.pasteurization.curve;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.equipment.log.LoggerLayout;

/** A logger layout as pages and the API show it; {@code supersedes} the version it amended, with why. */
public record LayoutView(
        UUID id,
        String name,
        String model,
        String delimiter,
        int headerRow,
        String timeColumn,
        String timeFormat,
        String timeZone,
        List<LoggerLayout.Probe> probes,
        boolean fahrenheit,
        boolean decimalComma,
        UUID supersedes,
        String amendReason,
        Instant supersededAt,
        String createdBy,
        Instant createdAt) {

    public String probesText() {
        return String.join(
                "\n", probes.stream().map(p -> p.column() + "=" + p.label()).toList());
    }

    public LayoutForm form() {
        return new LayoutForm(
                name,
                model,
                delimiter,
                headerRow,
                timeColumn,
                timeFormat,
                timeZone,
                probesText(),
                fahrenheit,
                decimalComma,
                "");
    }
}
