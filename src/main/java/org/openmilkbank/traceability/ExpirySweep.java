package org.openmilkbank.traceability;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few minutes (and once soon after the start), holds whatever expired since: an expired unit goes on hold by
 * itself even when nobody asks the gate about it. Off in tests, which call {@link Expiries#holdExpired()} themselves.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "openmilkbank.expiry.sweep.enabled", havingValue = "true", matchIfMissing = true)
class ExpirySweep {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweep.class);

    private final Expiries expiries;

    ExpirySweep(Expiries expiries) {
        this.expiries = expiries;
    }

    @Scheduled(
            initialDelayString = "${openmilkbank.expiry.sweep.initial-delay:PT1M}",
            fixedDelayString = "${openmilkbank.expiry.sweep.every:PT15M}")
    void sweep() {
        List<UUID> held = expiries.holdExpired();
        if (!held.isEmpty()) {
            LOG.info("expiry sweep held {} expired unit(s)", held.size());
        }
    }
}
