package org.openmilkbank.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a start with an empty database and the demo switched on, builds the demo bank. Its staff are made first, in a
 * lifecycle phase before the web server's, so that whoever reads the printed credentials can sign in as soon as the
 * sign-in page answers; the bank itself (its instruments, donors, milk, runs, places and neonatal unit, five seconds of
 * work on two cores) is then built in one transaction on a thread of its own, there whole or not at all, while every
 * page says it is being prepared ({@link DemoProgress}).
 */
@Component
class DemoRunner implements SmartLifecycle {

    /** Before the web server starts accepting requests. */
    static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

    private final DemoBank demo;
    private final DemoEquipment demoEquipment;
    private final DemoExpiry demoExpiry;
    private final DemoStorage demoStorage;
    private final DemoCold demoCold;
    private final DemoWard demoWard;
    private final DemoHub demoHub;
    private final org.openmilkbank.network.NetworkMode networkMode;
    private final TransactionTemplate transactions;
    private final DemoProgress progress;

    private final boolean enabled;
    private volatile boolean running;

    DemoRunner(
            DemoBank demo,
            DemoEquipment demoEquipment,
            DemoExpiry demoExpiry,
            DemoStorage demoStorage,
            DemoCold demoCold,
            DemoWard demoWard,
            DemoHub demoHub,
            org.openmilkbank.network.NetworkMode networkMode,
            TransactionTemplate transactions,
            DemoProgress progress,
            @Value("${openmilkbank.demo.enabled:}") String demoSetting,
            @Value("${openmilkbank.db.url:}") String externalDatabase) {
        this.demo = demo;
        this.demoEquipment = demoEquipment;
        this.demoExpiry = demoExpiry;
        this.demoStorage = demoStorage;
        this.demoCold = demoCold;
        this.demoWard = demoWard;
        this.demoHub = demoHub;
        this.networkMode = networkMode;
        this.transactions = transactions;
        this.progress = progress;
        this.enabled = enabled(demoSetting, externalDatabase);
    }

    /** Unless told otherwise, the demo fills only the embedded database, never an external (production) one. */
    static boolean enabled(String demoSetting, String externalDatabase) {
        if (demoSetting == null || demoSetting.isBlank()) {
            return externalDatabase == null || externalDatabase.isBlank();
        }
        return Boolean.parseBoolean(demoSetting.strip());
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return;
        }
        if (networkMode.isHub()) {
            startHub();
            return;
        }
        if (!demo.isEmpty()) {
            log.info("Demo bank not created: the database already holds donors");
            if (demo.hasDemoStaff()) {
                DemoBank.printCredentials(log);
            }
            return;
        }
        log.info("Creating the demo bank…");
        try {
            transactions.executeWithoutResult(status -> demo.createStaff());
        } catch (RuntimeException e) {
            log.error("The demo bank's staff could not be created; the bank starts without its demo", e);
            return;
        }
        progress.started();
        DemoBank.printStaff(log);
        Thread builder = new Thread(this::buildBank, "demo-bank");
        // a stop while it builds ends the transaction with the database: rolled back, built again at the next start
        builder.setDaemon(true);
        builder.start();
    }

    private void buildBank() {
        long began = System.nanoTime();
        try {
            transactions.executeWithoutResult(status -> {
                // the instruments first: every run is recorded on a registered pasteuriser
                demoEquipment.build();
                demo.build();
                demoEquipment.findProbeOutOfTolerance();
                demoStorage.build();
                demoExpiry.build();
                // after the places: the readings of every freezer and fridge placed
                demoCold.build();
                // the neonatal unit's orders, dispatch and bedside: on the milk the stock holds now
                demoWard.build();
            });
        } catch (RuntimeException e) {
            progress.finished(false);
            if (running) {
                // the bank still runs, empty; the log says why the demo is missing
                log.error("The demo bank could not be built and was rolled back", e);
            } else {
                log.warn("The application stopped before the demo bank was built; it is built at the next start");
            }
            return;
        }
        progress.finished(true);
        log.warn("OpenMilkBank demo bank ready ({} ms after its staff)", (System.nanoTime() - began) / 1_000_000);
    }

    /** A hub makes no milk bank: its coordinator and three banks waiting for enrolment. */
    private void startHub() {
        if (demoHub.isEmpty()) {
            log.info("Creating the demo network hub…");
            try {
                transactions.executeWithoutResult(status -> demoHub.build());
            } catch (RuntimeException e) {
                log.error("The demo network hub could not be built and was rolled back", e);
                return;
            }
        }
        DemoHub.printCredentials(log);
    }
}
