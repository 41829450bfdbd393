package org.openmilkbank.network;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On the hub, reviews the shortage of every bank that sent months of indicators since its last review: every
 * fifteen minutes by default, the first an hour after the start (when every bank is reviewed once). Tests call
 * {@link Forecasts#review(String)} themselves.
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
    private boolean first = true;

    ShortageWatch(Forecasts forecasts, NetworkMode mode) {
        this.forecasts = forecasts;
        this.mode = mode;
    }

    @Scheduled(
            initialDelayString = "${openmilkbank.network.shortage.watch.initial-delay:PT1H}",
            fixedDelayString = "${openmilkbank.network.shortage.watch.every:PT15M}")
    void review() {
        if (!mode.isHub()) {
            return;
        }
        List<String> changed = first ? forecasts.reviewAll() : forecasts.reviewChanged();
        first = false;
        if (!changed.isEmpty()) {
            LOG.info("shortage watch: the state of {} changed", changed);
        }
    }
}
