package org.openmilkbank.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openmilkbank.network.MonthlySharing;
import org.openmilkbank.network.NetworkEnrolment;
import org.openmilkbank.network.NetworkLink;
import org.openmilkbank.network.NetworkSharing;
import org.openmilkbank.network.NetworkSync;
import org.openmilkbank.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A demo bank of the demo network ({@code ./network-demo}): once started, it enrols at the demo hub with the one-time
 * code the hub printed ({@code openmilkbank.demo.network.hub-url} and {@code .code}), agrees to share and to be named,
 * shares its last month and this one, and syncs. It tries again every few seconds until the hub answers, so the
 * banks may start before the hub. Off unless both settings are given; a real bank enrols on its network page.
 */
@Component
class DemoNetworkMember {

    private static final Logger log = LoggerFactory.getLogger(DemoNetworkMember.class);

    private final NetworkLink link;
    private final NetworkEnrolment enrolment;
    private final NetworkSharing sharing;
    private final MonthlySharing months;
    private final NetworkSync sync;
    private final Clock clock;
    private final DemoProgress progress;
    private final String hubUrl;
    private final String code;

    DemoNetworkMember(
            NetworkLink link,
            NetworkEnrolment enrolment,
            NetworkSharing sharing,
            MonthlySharing months,
            NetworkSync sync,
            Clock clock,
            DemoProgress progress,
            @Value("${openmilkbank.demo.network.hub-url:}") String hubUrl,
            @Value("${openmilkbank.demo.network.code:}") String code) {
        this.link = link;
        this.enrolment = enrolment;
        this.sharing = sharing;
        this.months = months;
        this.sync = sync;
        this.clock = clock;
        this.progress = progress;
        this.hubUrl = hubUrl.strip();
        this.code = code.strip();
    }

    @EventListener(ApplicationReadyEvent.class)
    void joinTheDemoNetwork() {
        if (hubUrl.isEmpty() || code.isEmpty() || link.current().isPresent()) {
            return;
        }
        ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-network");
            t.setDaemon(true);
            return t;
        });
        retry.scheduleWithFixedDelay(
                () -> {
                    if (tryToJoin()) {
                        retry.shutdown();
                    }
                },
                0,
                Duration.ofSeconds(5).toSeconds(),
                TimeUnit.SECONDS);
    }

    private boolean tryToJoin() {
        if (progress.preparing()) {
            return false; // its months are shared once the demo's milk is there
        }
        try {
            DemoBank.as("manager", org.openmilkbank.shared.Role.MANAGER, () -> {
                enrolment.enrol(new NetworkEnrolment.EnrolForm(hubUrl, code));
                sharing.change(
                        new NetworkSharing.SharingForm(true, true, "Demo network: the bank shares and is named"));
                YearMonth now = YearMonth.now(clock);
                months.share(now.minusMonths(1));
                months.share(now);
            });
            NetworkSync.Result result = sync.syncNow();
            log.warn("Demo bank enrolled at the demo hub {} and sent {} entries", hubUrl, result.sent());
            return true;
        } catch (RuleViolation notYet) {
            log.info("The demo hub {} does not answer yet ({}): trying again", hubUrl, notYet.code());
            return false;
        } catch (RuntimeException e) {
            log.warn("The demo bank could not join the demo hub {}: {}", hubUrl, e.toString());
            return false;
        }
    }
}
