package org.openmilkbank.pasteurization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.Said;
import org.springframework.context.MessageSource;

public record RunView(
        UUID id,
        UUID poolId,
        String method,
        String device,
        Instant startedAt,
        Instant endedAt,
        BigDecimal holdTemperatureC,
        int holdMinutes,
        String outcome,
        String failureReason,
        List<Said> failureCodes,
        String failureReasonText,
        RunState state,
        Integer bottleCount,
        Integer bottleVolumeMl,
        String recordedBy,
        Instant recordedAt,
        Long postCultureCfu,
        String postCultureOrganism,
        String postCultureOutcome,
        String postCultureRecordedBy,
        Instant postCultureRecordedAt,
        String releasedBy,
        Instant releasedAt,
        String discardReason,
        Instant postCultureSampledAt,
        UUID postCultureSampleId,
        String postCultureSampleCode,
        List<BottleLine> bottles,
        Integer holdSeconds,
        Integer sampledMl) {

    /**
     * {@code failureReason}: the English text of a run recorded before V44; {@code failureCodes}: why the run was
     * not accepted, as data; {@code failureReasonText}: either, in the reader's language.
     */
    public RunView rendered(MessageSource messages) {
        String text = failureCodes.isEmpty() ? failureReason : Said.render(failureCodes, messages);
        return new RunView(
                id,
                poolId,
                method,
                device,
                startedAt,
                endedAt,
                holdTemperatureC,
                holdMinutes,
                outcome,
                failureReason,
                failureCodes,
                text,
                state,
                bottleCount,
                bottleVolumeMl,
                recordedBy,
                recordedAt,
                postCultureCfu,
                postCultureOrganism,
                postCultureOutcome,
                postCultureRecordedBy,
                postCultureRecordedAt,
                releasedBy,
                releasedAt,
                discardReason,
                postCultureSampledAt,
                postCultureSampleId,
                postCultureSampleCode,
                bottles,
                holdSeconds,
                sampledMl);
    }

    /**
     * The same run with the lab's culture summary: the largest count of its standing read, the organism that grew
     * most, {@code NEGATIVE}/{@code POSITIVE} once judged (null while it incubates), who read it and when.
     */
    public RunView withPostCulture(
            Long cfu,
            String organism,
            String outcome,
            String readBy,
            Instant judgedAt,
            Instant sampledAt,
            UUID sampleId,
            String sampleCode) {
        return new RunView(
                id,
                poolId,
                method,
                device,
                startedAt,
                endedAt,
                holdTemperatureC,
                holdMinutes,
                this.outcome,
                failureReason,
                failureCodes,
                failureReasonText,
                state,
                bottleCount,
                bottleVolumeMl,
                recordedBy,
                recordedAt,
                cfu,
                organism,
                outcome,
                readBy,
                judgedAt,
                releasedBy,
                releasedAt,
                discardReason,
                sampledAt,
                sampleId,
                sampleCode,
                bottles,
                holdSeconds,
                sampledMl);
    }

    /** The method as an enum (HOLDER for a run recorded before HTST existed). */
    public PasteurisationMethod pasteurisationMethod() {
        return method == null ? PasteurisationMethod.HOLDER : PasteurisationMethod.valueOf(method);
    }

    public boolean passed() {
        return "PASSED".equals(outcome);
    }
}
