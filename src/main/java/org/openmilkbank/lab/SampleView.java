package org.openmilkbank.lab;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.Said;

/**
 * A sample as pages and the API see it: the unit it was taken from, its incubation (start and temperature; null
 * for a sample taken before temperatures were recorded), every read (amended ones
 * kept, marked superseded) and the verdict with why it failed ({@code verdictCodes}, rendered by the reader).
 */
public record SampleView(
        UUID id,
        String code,
        String codeWithCheck,
        UUID unitId,
        String unitKind,
        String unitLabel,
        SamplePurpose purpose,
        String procedure,
        int procedureVersion,
        String procedureProfileCode,
        CultureMedium medium,
        Instant takenAt,
        String takenBy,
        Instant incubationStartedAt,
        java.math.BigDecimal incubationTemperatureC,
        Instant readableFrom,
        String profileCode,
        Verdict verdict,
        List<Said> verdictCodes,
        Instant judgedAt,
        String judgedBy,
        List<Read> reads) {

    public enum Verdict {
        PASS,
        FAIL
    }

    public record Read(
            UUID id,
            Instant readAt,
            Instant recordedAt,
            String readBy,
            List<CultureCount> counts,
            UUID amends,
            String amendReason,
            boolean superseded,
            UUID importId,
            Integer importRow) {

        /** Whether the read came from an imported file rather than the read form. */
        public boolean imported() {
            return importId != null;
        }
    }

    public boolean judged() {
        return verdict != null;
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** The read that stands (the last one not superseded), if any. */
    public java.util.Optional<Read> currentRead() {
        return reads.stream().filter(r -> !r.superseded()).reduce((a, b) -> b);
    }
}
