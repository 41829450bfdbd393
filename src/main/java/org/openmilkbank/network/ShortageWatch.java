package org.openmilkbank.network;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On the hub, reviews every bank's shortage now and then (an hour after the start, then every six hours by
 * default), so a bank whose months stopped coming or whose forecast turned is alerted even when nothing arrives.
 * Tests call {@link Forecasts#review(String)} themselves.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(
        name = "openmilkbank.network.shortage.watch.enabled",
        havingValue = "true",
        matchIfMissing = true)
class ShortageWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ShortageWatch.class);

    private final Forecasts forecasts;
    private final NetworkMode mode;

    ShortageWatch(Forecasts forecasts, NetworkMode mode) {
        this.forecasts = forecasts;
        this.mode = mode;
    }

    @Scheduled(
            initialDelayString = "${openmilkbank.network.shortage.watch.initial-delay:PT1H}",
            fixedDelayString = "${openmilkbank.network.shortage.watch.every:PT6H}")
    void review() {
        if (!mode.isHub()) {
            return;
        }
        List<String> changed = forecasts.reviewAll();
        if (!changed.isEmpty()) {
            LOG.info("shortage watch: the state of {} changed", changed);
        }
    }
}
