package org.openmilkbank.network;

import java.time.Clock;
import java.time.YearMonth;
import org.openmilkbank.reporting.indicators.MonthSignedOff;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bank shares its month's indicators with the hub: by itself when the manager signs the month's report (in the
 * sign-off's transaction, so the numbers signed are the numbers sent), or when the manager shares a month by hand
 * (the month so far, or a month again). The hub keeps the latest figures of a month.
 */
@Service
public class MonthlySharing {

    /** The history's record for what the bank shared by hand. */
    static final String RECORD_TYPE = "NetworkShare";

    private final NetworkOutbox outbox;
    private final History history;
    private final Clock clock;

    MonthlySharing(NetworkOutbox outbox, History history, Clock clock) {
        this.outbox = outbox;
        this.history = history;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    void signedOff(MonthSignedOff signed) {
        outbox.addMonthOfIndicators(signed.month());
    }

    /**
     * Writes the month's indicators to the outbox; refused for a month that has not begun. Returns the entry's number.
     */
    @Transactional
    public long share(YearMonth month) {
        if (month.isAfter(YearMonth.now(clock))) {
            throw new RuleViolation("network.share.future", month.toString()).on("month");
        }
        long entry = outbox.addMonthOfIndicators(month);
        history.record(RECORD_TYPE, month.toString(), Said.of("network.history.shared", month.toString(), entry));
        return entry;
    }
}
