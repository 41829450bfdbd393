package org.openmilkbank.reporting.indicators.web;

import java.time.Clock;
import java.util.List;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorPeriod;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.openmilkbank.reporting.indicators.IndicatorTable;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicators as JSON: the dictionary (with its words in the reader's language), a period's table, and the
 * units behind one number. A bad period is a 422 problem detail naming its field.
 */
@RestController
@RequestMapping("/api/v1/reports")
@PreAuthorize(IndicatorController.VIEW)
class IndicatorApiController {

    private final IndicatorSource indicators;
    private final Messages messages;
    private final Clock clock;

    IndicatorApiController(IndicatorSource indicators, Messages messages, Clock clock) {
        this.indicators = indicators;
        this.messages = messages;
        this.clock = clock;
    }

    /** One indicator of the dictionary with its words. */
    record Entry(
            String code,
            String unit,
            boolean ratio,
            List<String> breakdowns,
            String name,
            String definition,
            String numerator,
            String denominator) {}

    @GetMapping("/dictionary")
    @PreAuthorize(IndicatorController.VIEW)
    List<Entry> dictionary() {
        return indicators.dictionary().stream().map(this::entry).toList();
    }

    private Entry entry(IndicatorDefinition d) {
        String key = "report.indicator." + d.code();
        return new Entry(
                d.code(),
                d.unit().name(),
                d.ratio(),
                d.breakdowns(),
                messages.get(key + ".name"),
                messages.get(key + ".definition"),
                messages.get(key + ".numerator"),
                d.ratio() ? messages.get(key + ".denominator") : null);
    }

    @GetMapping("/indicators")
    @PreAuthorize(IndicatorController.VIEW)
    IndicatorTable table(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        IndicatorPeriod period = IndicatorPeriod.parse(from, to, null, clock);
        return indicators.compute(period.from(), period.to());
    }

    @GetMapping("/indicators/{code}/units")
    @PreAuthorize(IndicatorController.VIEW)
    Paged<IndicatorSource.UnitBehind> units(
            @PathVariable String code,
            @RequestParam(required = false) String breakdown,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        IndicatorPeriod period = IndicatorPeriod.parse(from, to, null, clock);
        return indicators.unitsBehind(code, breakdown, period.from(), period.to(), PageRequest.of(page, size));
    }
}
