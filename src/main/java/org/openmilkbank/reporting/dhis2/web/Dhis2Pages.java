package org.openmilkbank.reporting.dhis2.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.reporting.dhis2.Dhis2Export;
import org.openmilkbank.reporting.dhis2.Dhis2Exports;
import org.openmilkbank.reporting.dhis2.Dhis2Forms;
import org.openmilkbank.reporting.dhis2.Dhis2Mapping;
import org.openmilkbank.reporting.dhis2.Dhis2Month;
import org.openmilkbank.reporting.dhis2.Dhis2Push;
import org.openmilkbank.reporting.dhis2.Dhis2Pushes;
import org.openmilkbank.reporting.dhis2.Dhis2Settings;
import org.openmilkbank.reporting.dhis2.ImportSummary;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Messages;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Draws the DHIS2 pages with their forms: blank, or as typed when a refused form is in the model already. */
@Component
class Dhis2Pages {

    private final Dhis2Settings settings;
    private final Dhis2Exports exports;
    private final Dhis2Pushes pushes;
    private final IndicatorSource indicators;
    private final Messages messages;
    private final Clock clock;

    Dhis2Pages(
            Dhis2Settings settings,
            Dhis2Exports exports,
            Dhis2Pushes pushes,
            IndicatorSource indicators,
            Messages messages,
            Clock clock) {
        this.settings = settings;
        this.exports = exports;
        this.pushes = pushes;
        this.indicators = indicators;
        this.messages = messages;
        this.clock = clock;
    }

    /** The month shown when none is asked for: the last month that has ended. */
    String defaultMonth() {
        return YearMonth.now(clock).minusMonths(1).toString();
    }

    String homePage(String month, Integer page, Model model) {
        var connection = settings.connection().orElse(null);
        model.addAttribute("connection", connection);
        model.addAttribute("mappings", settings.mappings(PageRequest.of(page, null)));
        List<IndicatorDefinition> dictionary = indicators.dictionary();
        model.addAttribute("dictionary", dictionary);
        Set<String> breakdowns = new LinkedHashSet<>();
        dictionary.forEach(d -> breakdowns.addAll(d.breakdowns()));
        model.addAttribute("breakdowns", breakdowns);
        String shown = month == null || month.isBlank() ? defaultMonth() : month.strip();
        model.addAttribute("month", shown);
        model.addAttribute("export", null);
        model.addAttribute("mayPush", false);
        if (connection != null) {
            try {
                YearMonth m = Dhis2Month.parse(shown, clock);
                Dhis2Export export = exports.forMonth(m);
                model.addAttribute("export", export);
                model.addAttribute("mayPush", !export.values().isEmpty() && pushes.mayPushForReal(m, export));
            } catch (RuleViolation refused) {
                model.addAttribute("monthError", messages.of(refused));
            }
        }
        model.addAttribute("latestPushes", pushes.list(new PageRequest(1, 5)).items());
        model.addAttribute("history", settings.connectionHistory());
        addIfAbsent(model, "connectionForm", Dhis2Forms.ConnectionForm.of(connection));
        addIfAbsent(model, "mapping", Dhis2Forms.MappingForm.blank());
        addIfAbsent(model, "push", new Dhis2Bodies.PushForm(shown, true));
        return "reporting/dhis2/home";
    }

    String mappingPage(UUID id, Model model) {
        Dhis2Mapping mapping = settings.mapping(id);
        model.addAttribute("row", mapping);
        model.addAttribute("history", settings.mappingHistory(id));
        addIfAbsent(model, "amendment", Dhis2Forms.MappingAmendment.of(mapping));
        addIfAbsent(model, "voiding", new Dhis2Forms.VoidForm(null));
        return "reporting/dhis2/mapping";
    }

    String pushesPage(Integer page, Model model) {
        model.addAttribute("pushes", pushes.list(PageRequest.of(page, null)));
        return "reporting/dhis2/pushes";
    }

    String pushPage(UUID id, Model model) {
        Dhis2Push push = pushes.find(id);
        model.addAttribute("pushed", push);
        model.addAttribute("conflicts", conflicts(push));
        boolean mayPush = false;
        if (push.dryRun() && push.status().succeeded()) {
            try {
                YearMonth m = YearMonth.parse(push.month());
                Dhis2Export now = exports.forMonth(m);
                mayPush = now.digest().equals(push.payloadDigest()) && pushes.mayPushForReal(m, now);
            } catch (RuleViolation refused) {
                mayPush = false;
            }
        }
        model.addAttribute("mayPush", mayPush);
        addIfAbsent(model, "push", new Dhis2Bodies.PushForm(push.month(), false));
        return "reporting/dhis2/push";
    }

    /**
     * A conflict in plain words: which of the bank's numbers it is about, by the positions DHIS2 names in what was
     * sent, else by the data element or combo it names.
     */
    record ConflictLine(List<Dhis2Push.SentValue> numbers, ImportSummary.Conflict conflict) {}

    static List<ConflictLine> conflicts(Dhis2Push push) {
        if (push.summary() == null) {
            return List.of();
        }
        List<Dhis2Push.SentValue> sent = push.sent();
        List<ConflictLine> lines = new ArrayList<>();
        for (ImportSummary.Conflict c : push.summary().conflicts()) {
            List<Dhis2Push.SentValue> about = c.indexes().stream()
                    .filter(i -> i >= 0 && i < sent.size())
                    .map(sent::get)
                    .toList();
            if (about.isEmpty()) {
                about = sent.stream()
                        .filter(v -> c.object().contains(v.dataElement())
                                || (v.categoryOptionCombo() != null
                                        && c.object().contains(v.categoryOptionCombo())))
                        .toList();
            }
            lines.add(new ConflictLine(about, c));
        }
        return lines;
    }

    private static void addIfAbsent(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }
}
