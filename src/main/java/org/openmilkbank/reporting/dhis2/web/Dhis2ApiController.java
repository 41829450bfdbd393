package org.openmilkbank.reporting.dhis2.web;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.reporting.dhis2.Dhis2Connection;
import org.openmilkbank.reporting.dhis2.Dhis2Export;
import org.openmilkbank.reporting.dhis2.Dhis2Exports;
import org.openmilkbank.reporting.dhis2.Dhis2Forms;
import org.openmilkbank.reporting.dhis2.Dhis2Mapping;
import org.openmilkbank.reporting.dhis2.Dhis2Month;
import org.openmilkbank.reporting.dhis2.Dhis2Push;
import org.openmilkbank.reporting.dhis2.Dhis2Pushes;
import org.openmilkbank.reporting.dhis2.Dhis2Settings;
import org.openmilkbank.reporting.dhis2.MissingReason;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DHIS2 API: the connection (never its password), the mapping, a month's data value set and ADX, the push
 * (a dry run first) and the record of pushes.
 */
@RestController
@RequestMapping("/api/v1/reports/dhis2")
@PreAuthorize(Dhis2Roles.VIEW)
class Dhis2ApiController {

    static final MediaType ADX = MediaType.parseMediaType("application/adx+xml");

    private final Dhis2Settings settings;
    private final Dhis2Exports exports;
    private final Dhis2Pushes pushes;
    private final Clock clock;

    Dhis2ApiController(Dhis2Settings settings, Dhis2Exports exports, Dhis2Pushes pushes, Clock clock) {
        this.settings = settings;
        this.exports = exports;
        this.pushes = pushes;
        this.clock = clock;
    }

    @GetMapping("/connection")
    @PreAuthorize(Dhis2Roles.VIEW)
    Dhis2Connection connection() {
        return settings.connection().orElseThrow(() -> new NotFound("reporting.dhis2.connection.notSet"));
    }

    @PutMapping("/connection")
    @PreAuthorize(Dhis2Roles.CONNECT)
    Dhis2Connection connect(@Valid @RequestBody Dhis2Forms.ConnectionForm body) {
        return settings.saveConnection(body);
    }

    @GetMapping("/mappings")
    @PreAuthorize(Dhis2Roles.VIEW)
    Paged<Dhis2Mapping> mappings(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return settings.mappings(PageRequest.of(page, size));
    }

    @PostMapping("/mappings")
    @PreAuthorize(Dhis2Roles.MAP)
    @ResponseStatus(HttpStatus.CREATED)
    Dhis2Mapping map(@Valid @RequestBody Dhis2Forms.MappingForm body) {
        return settings.map(body);
    }

    @PostMapping("/mappings/{id}/amendment")
    @PreAuthorize(Dhis2Roles.MAP)
    Dhis2Mapping amend(@PathVariable UUID id, @Valid @RequestBody Dhis2Forms.MappingAmendment body) {
        return settings.amend(id, body);
    }

    @PostMapping("/mappings/{id}/void")
    @PreAuthorize(Dhis2Roles.MAP)
    Dhis2Mapping voidRow(@PathVariable UUID id, @Valid @RequestBody Dhis2Forms.VoidForm body) {
        return settings.voidMapping(id, body.reason());
    }

    /** What a month would send, and each mapped number left out with why. */
    record Preview(String month, String period, String orgUnit, List<Value> values, List<Missing> missing) {}

    record Value(
            String indicatorCode, String breakdown, String dataElement, String categoryOptionCombo, String value) {}

    record Missing(String indicatorCode, String breakdown, String dataElement, MissingReason reason) {}

    @GetMapping("/{month}")
    @PreAuthorize(Dhis2Roles.VIEW)
    Preview preview(@PathVariable String month) {
        Dhis2Export e = exports.forMonth(Dhis2Month.parse(month, clock));
        return new Preview(
                e.month().toString(),
                e.period(),
                e.orgUnit(),
                e.values().stream()
                        .map(s -> new Value(
                                s.mapping().indicatorCode(),
                                s.mapping().breakdown(),
                                s.mapping().dataElement(),
                                s.mapping().categoryOptionCombo(),
                                s.value()))
                        .toList(),
                e.missing().stream()
                        .map(m -> new Missing(
                                m.mapping().indicatorCode(),
                                m.mapping().breakdown(),
                                m.mapping().dataElement(),
                                m.reason()))
                        .toList());
    }

    @GetMapping("/{month}/dataValueSets.json")
    @PreAuthorize(Dhis2Roles.VIEW)
    ResponseEntity<byte[]> dataValueSet(@PathVariable String month) {
        YearMonth m = Dhis2Month.parse(month, clock);
        return download(exports.toSend(m).json(), MediaType.APPLICATION_JSON, "dhis2-" + m + ".json");
    }

    @GetMapping("/{month}/adx.xml")
    @PreAuthorize(Dhis2Roles.VIEW)
    ResponseEntity<byte[]> adx(@PathVariable String month) {
        YearMonth m = Dhis2Month.parse(month, clock);
        byte[] xml = exports.toSend(m).adx(clock.instant()).getBytes(StandardCharsets.UTF_8);
        return download(xml, ADX, "dhis2-" + m + "-adx.xml");
    }

    /** Pushes the month: {@code dryRun=true} first; the real push only after a dry run of the same payload succeeded. */
    @PostMapping("/{month}/push")
    @PreAuthorize(Dhis2Roles.PUSH)
    Dhis2Push push(@PathVariable String month, @RequestParam(defaultValue = "true") boolean dryRun) {
        return pushes.push(Dhis2Month.parse(month, clock), dryRun);
    }

    @GetMapping("/pushes")
    @PreAuthorize(Dhis2Roles.VIEW)
    Paged<Dhis2Push> pushList(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return pushes.list(PageRequest.of(page, size));
    }

    @GetMapping("/pushes/{id}")
    @PreAuthorize(Dhis2Roles.VIEW)
    Dhis2Push pushRecord(@PathVariable UUID id) {
        return pushes.find(id);
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(body);
    }
}
