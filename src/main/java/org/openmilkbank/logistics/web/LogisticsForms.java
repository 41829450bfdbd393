package org.openmilkbank.logistics.web;

import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.UUID;
import org.openmilkbank.logistics.IndicatorState;
import org.openmilkbank.logistics.TransportMode;
import org.openmilkbank.shared.TextLimits;

/**
 * The logistics page forms whose inputs differ from the API's bodies: a temperature is typed as text (a decimal
 * comma, a typographic minus) and a time as a local date and time in the bank's zone. The other page forms bind the
 * API's own bodies ({@link LogisticsApiController}).
 */
final class LogisticsForms {

    private LogisticsForms() {}

    /** A box's arrival as typed at the scanner page. */
    record ArrivalForm(
            @Size(max = TextLimits.CODE) String code,
            @Size(max = 20) String temperatureC,
            IndicatorState indicator,
            Boolean sealIntact) {

        static ArrivalForm blank() {
            return new ArrivalForm(null, null, null, null);
        }
    }

    /** A box of a run leaving, as typed on the run's page; no time means now. */
    record DepartureForm(@Size(max = 20) String temperatureC, LocalDateTime departedAt) {

        static DepartureForm blank() {
            return new DepartureForm(null, null);
        }
    }

    /** A box sent on its own from a collection point, as typed on the point's page; no time means now. */
    record DispatchForm(
            @Size(max = TextLimits.CODE) String code,
            UUID originPointId,
            TransportMode mode,
            @Size(max = 20) String temperatureC,
            LocalDateTime departedAt) {

        static DispatchForm blank(UUID originPointId) {
            return new DispatchForm(null, originPointId, null, null, null);
        }
    }
}
