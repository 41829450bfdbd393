package org.openmilkbank.network;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link NetworkSync#syncNow()} every {@code openmilkbank.network.sync-interval} (default a minute) while the
 * bank has a hub; {@code PT0S} switches it off (the tests do, and call the sync themselves).
 */
@Component
class NetworkSyncSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NetworkSyncSchedule.class);

    private final NetworkSync sync;
    private final Duration interval;
    private ScheduledExecutorService timer;

    NetworkSyncSchedule(NetworkSync sync, @Value("${openmilkbank.network.sync-interval:PT1M}") Duration interval) {
        this.sync = sync;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "network-sync");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            if (sync.hasHub()) {
                sync.syncNow();
            }
        } catch (RuntimeException e) {
            log.warn("The scheduled exchange with the hub failed; the next run catches up", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
