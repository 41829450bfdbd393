package org.openmilkbank.reporting.dhis2;

import java.time.YearMonth;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.springframework.stereotype.Service;

/** A month's mapped numbers, read through the indicator source like every report, ready for DHIS2. */
@Service
public class Dhis2Exports {

    private final Dhis2Settings settings;
    private final IndicatorSource indicators;

    Dhis2Exports(Dhis2Settings settings, IndicatorSource indicators) {
        this.settings = settings;
        this.indicators = indicators;
    }

    /** The month's export; refused when the connection (org unit) is not set. */
    public Dhis2Export forMonth(YearMonth month) {
        Dhis2Connection connection = settings.connection()
                .orElseThrow(() -> new org.openmilkbank.shared.RuleViolation("reporting.dhis2.connection.notSet"));
        return Dhis2Export.of(
                month,
                connection,
                settings.inForce(),
                indicators.dictionary(),
                indicators.byMonth(month, month).get(0));
    }

    /** The month's export with at least one value to send; refused otherwise. */
    public Dhis2Export toSend(YearMonth month) {
        Dhis2Export export = forMonth(month);
        if (export.values().isEmpty()) {
            throw new org.openmilkbank.shared.RuleViolation("reporting.dhis2.nothingToSend", month.toString());
        }
        return export;
    }
}
