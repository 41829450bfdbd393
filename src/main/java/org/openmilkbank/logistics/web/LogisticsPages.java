package org.openmilkbank.logistics.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.openmilkbank.logistics.CollectionPointKind;
import org.openmilkbank.logistics.CollectionPointView;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.PickupRunView;
import org.openmilkbank.logistics.TransportMode;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Draws a collection point's page and a run's page with their forms: blank, or as typed when the model already holds
 * a refused form (the GET handlers and every refused form of those pages call these).
 */
@Component
class LogisticsPages {

    private final LogisticsManagement logistics;
    private final History history;
    private final Clock clock;

    LogisticsPages(LogisticsManagement logistics, History history, Clock clock) {
        this.logistics = logistics;
        this.history = history;
        this.clock = clock;
    }

    String pointPage(UUID id, Model model) {
        CollectionPointView point =
                logistics.findPoint(id).orElseThrow(() -> new NotFound("logistics.point.notFound", id));
        model.addAttribute("point", point);
        model.addAttribute("kinds", CollectionPointKind.values());
        model.addAttribute("modes", TransportMode.values());
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        model.addAttribute("now", now);
        model.addAttribute("history", history.of(LogisticsManagement.POINT, id));
        addIfAbsent(
                model,
                "correction",
                new LogisticsApiController.PointBody(point.name(), point.kind(), point.address(), null));
        addIfAbsent(model, "deactivation", new LogisticsApiController.ReasonBody(null));
        addIfAbsent(model, "dispatch", new LogisticsForms.DispatchForm(null, id, TransportMode.values()[0], null, now));
        return "logistics/point";
    }

    String runPage(UUID id, Model model) {
        PickupRunView run = logistics.findRun(id).orElseThrow(() -> new NotFound("logistics.run.notFound", id));
        model.addAttribute("run", run);
        model.addAttribute("points", logistics.points(true));
        model.addAttribute("modes", TransportMode.values());
        model.addAttribute("now", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("history", history.of(LogisticsManagement.RUN, id));
        addIfAbsent(model, "stop", new LogisticsApiController.StopBody(null, null));
        addIfAbsent(model, "box", new LogisticsApiController.BoxBody(null, null));
        addIfAbsent(model, "cancellation", new LogisticsApiController.ReasonBody(null));
        // the forms of one stop and of one box: drawn as typed only for the stop or box that was refused
        addIfAbsent(model, "stopOutcome", new LogisticsApiController.StopOutcomeBody(null, null, null));
        addIfAbsent(model, "departure", LogisticsForms.DepartureForm.blank());
        return "logistics/run";
    }

    private static void addIfAbsent(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }
}
