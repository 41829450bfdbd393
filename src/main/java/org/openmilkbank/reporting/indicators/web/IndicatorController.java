package org.openmilkbank.reporting.indicators.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorPeriod;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.openmilkbank.reporting.indicators.IndicatorTable;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Csv;
import org.openmilkbank.shared.web.Formats;
import org.openmilkbank.shared.web.Messages;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The manager's indicator table for a period (each number a link to the units behind it), the units behind one
 * number, the data dictionary, and the table as CSV and XLSX.
 */
@Controller
@PreAuthorize(IndicatorController.VIEW)
class IndicatorController {

    /** The bank's numbers are the manager's; an administrator may read them too. */
    static final String VIEW = "hasAnyRole('MANAGER', 'ADMIN')";

    private final IndicatorSource indicators;
    private final IndicatorExports exports;
    private final Messages messages;
    private final Formats fmt;
    private final Clock clock;

    IndicatorController(
            IndicatorSource indicators, IndicatorExports exports, Messages messages, Formats fmt, Clock clock) {
        this.indicators = indicators;
        this.exports = exports;
        this.messages = messages;
        this.fmt = fmt;
        this.clock = clock;
    }

    /** An unreadable period is said beside its field, with a 422, and the last whole month is shown. */
    @GetMapping("/reports/indicators")
    @PreAuthorize(VIEW)
    String table(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String month,
            Model model,
            HttpServletResponse response) {
        IndicatorPeriod period = period(from, to, month, model, response);
        IndicatorTable table = indicators.compute(period.from(), period.to());
        model.addAttribute("rows", IndicatorRow.of(indicators.dictionary(), table));
        model.addAttribute("table", table);
        return "reporting/indicators";
    }

    @GetMapping("/reports/indicators/{code}")
    @PreAuthorize(VIEW)
    String units(
            @PathVariable String code,
            @RequestParam(required = false) String breakdown,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model,
            HttpServletResponse response) {
        IndicatorDefinition definition = definition(code);
        String part = breakdown == null || breakdown.isBlank() ? null : breakdown;
        IndicatorPeriod period = period(from, to, month, model, response);
        Paged<IndicatorSource.UnitBehind> units =
                indicators.unitsBehind(code, part, period.from(), period.to(), PageRequest.of(page, size));
        IndicatorTable table = indicators.compute(period.from(), period.to());
        model.addAttribute("definition", definition);
        model.addAttribute("breakdown", part);
        model.addAttribute("value", table.find(code, part).orElse(null));
        model.addAttribute("units", units);
        return "reporting/indicator-units";
    }

    @GetMapping("/reports/dictionary")
    @PreAuthorize(VIEW)
    String dictionary(Model model) {
        model.addAttribute("dictionary", indicators.dictionary());
        return "reporting/dictionary";
    }

    @GetMapping(value = "/reports/indicators.csv", produces = "text/csv")
    @PreAuthorize(VIEW)
    @ResponseBody
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String month) {
        IndicatorPeriod period = IndicatorPeriod.parse(from, to, month, clock);
        IndicatorTable table = indicators.compute(period.from(), period.to());
        return exports.csv(IndicatorRow.of(indicators.dictionary(), table), table);
    }

    @GetMapping("/reports/indicators.xlsx")
    @PreAuthorize(VIEW)
    @ResponseBody
    ResponseEntity<byte[]> xlsx(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String month) {
        IndicatorPeriod period = IndicatorPeriod.parse(from, to, month, clock);
        IndicatorTable table = indicators.compute(period.from(), period.to());
        return exports.xlsx(IndicatorRow.of(indicators.dictionary(), table), table);
    }

    /** Every unit behind one number, all pages of it. */
    @GetMapping(value = "/reports/indicators/{code}/units.csv", produces = "text/csv")
    @PreAuthorize(VIEW)
    @ResponseBody
    ResponseEntity<byte[]> unitsCsv(
            @PathVariable String code,
            @RequestParam(required = false) String breakdown,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        definition(code);
        String part = breakdown == null || breakdown.isBlank() ? null : breakdown;
        IndicatorPeriod period = IndicatorPeriod.parse(from, to, null, clock);
        Csv csv = Csv.withHeader(
                messages.get("reporting.indicators.units.col.kind"),
                messages.get("reporting.indicators.units.col.unit"),
                messages.get("reporting.indicators.units.col.on"),
                messages.get("reporting.indicators.units.col.amount"));
        Paged<IndicatorSource.UnitBehind> units;
        int page = 1;
        do {
            units = indicators.unitsBehind(
                    code, part, period.from(), period.to(), new PageRequest(page++, PageRequest.MAX_SIZE));
            for (IndicatorSource.UnitBehind u : units.items()) {
                csv.row(
                        fmt.label(u.kind()),
                        u.label(),
                        u.on().toString(),
                        u.amount().toPlainString());
            }
        } while (units.hasNext());
        return csv.download(code.toLowerCase(java.util.Locale.ROOT) + (part == null ? "" : "-" + part) + "-"
                + period.from() + "-" + period.to() + ".csv");
    }

    private IndicatorDefinition definition(String code) {
        return indicators.dictionary().stream()
                .filter(d -> d.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new NotFound("reporting.indicator.notFound", code));
    }

    /** The period asked for, or the last whole month with the refusal said beside its field (422). */
    private IndicatorPeriod period(String from, String to, String month, Model model, HttpServletResponse response) {
        IndicatorPeriod period;
        try {
            period = IndicatorPeriod.parse(from, to, month, clock);
        } catch (RuleViolation refused) {
            response.setStatus(422);
            model.addAttribute("periodError", messages.of(refused));
            model.addAttribute("periodErrorField", refused.field().orElse("from"));
            period = IndicatorPeriod.lastMonth(clock);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("month", month);
        }
        if (!model.containsAttribute("periodError")) {
            model.addAttribute("from", period.from().toString());
            model.addAttribute("to", period.to().toString());
            model.addAttribute("month", month);
        }
        model.addAttribute("period", period);
        YearMonth now = YearMonth.now(clock);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("lastMonth", IndicatorPeriod.lastMonth(clock));
        model.addAttribute("thisMonth", new IndicatorPeriod(now.atDay(1), today));
        model.addAttribute("thisYear", new IndicatorPeriod(today.withDayOfYear(1), today));
        return period;
    }
}
