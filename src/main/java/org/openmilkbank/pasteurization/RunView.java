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
        Instant postCultureSampledAt) {

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
                postCultureSampledAt);
    }

    public boolean passed() {
        return "PASSED".equals(outcome);
    }
}
