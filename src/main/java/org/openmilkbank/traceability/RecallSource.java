package org.openmilkbank.traceability;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.openmilkbank.shared.TextLimits;

/**
 * Where a recall starts: a donor (all her containers), a unit as scanned (a container, pool or bottle DIN, or a
 * run's code {@code <pool DIN>-R<n>}), or a date window of containers expressed or received, optionally of one
 * donor ({@code code} is then her donor code or empty), or an instrument found out of tolerance ({@code code} is the
 * calibration's id: the runs it measured that no longer pass once its error is applied). The same record is the API's
 * and the form's body.
 */
public record RecallSource(
        Kind kind, @Size(max = TextLimits.CODE) String code, LocalDate from, LocalDate to, WindowBasis basis) {

    public enum Kind {
        DONOR,
        UNIT,
        WINDOW,
        CALIBRATION,
        /** A storage unit's excursion ({@code code} is its id): the milk that was inside during its window. */
        EXCURSION,
        /** Another bank of the network recalled milk it sent here ({@code code}: that bank's facility code). */
        NETWORK
    }

    /** Which day of a container a window counts. */
    public enum WindowBasis {
        EXPRESSED,
        RECEIVED
    }

    public static RecallSource donor(String donorCode) {
        return new RecallSource(Kind.DONOR, donorCode, null, null, null);
    }

    public static RecallSource unit(String scanned) {
        return new RecallSource(Kind.UNIT, scanned, null, null, null);
    }

    /** The runs an instrument measured that no longer pass with the error its calibration found. */
    public static RecallSource calibration(java.util.UUID calibrationId) {
        return new RecallSource(Kind.CALIBRATION, calibrationId.toString(), null, null, null);
    }

    /** The milk inside a storage unit during one of its excursions. */
    public static RecallSource excursion(java.util.UUID excursionId) {
        return new RecallSource(Kind.EXCURSION, excursionId.toString(), null, null, null);
    }

    public static RecallSource window(WindowBasis basis, LocalDate from, LocalDate to, String donorCode) {
        return new RecallSource(Kind.WINDOW, donorCode, from, to, basis);
    }
}
