package org.openmilkbank.standards.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.TextLimits;
import org.openmilkbank.standards.BankProfiles;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/standards")
class StandardsApiController {

    private final Standards standards;
    private final BankProfiles bankProfiles;

    StandardsApiController(Standards standards, BankProfiles bankProfiles) {
        this.standards = standards;
        this.bankProfiles = bankProfiles;
    }

    /** {@code derivedFrom}: the built-in standard a bank's own profile came from; null for a built-in one. */
    record ProfileDto(
            String code, String name, String description, Map<String, String> parameters, String derivedFrom) {
        static ProfileDto of(StandardProfile p) {
            Map<String, String> params = new LinkedHashMap<>();
            p.values().forEach((k, v) -> params.put(k.key(), v));
            return new ProfileDto(
                    p.code(), p.name(), p.description(), params, p.derivedFrom().orElse(null));
        }
    }

    record Activation(
            @NotBlank @Size(max = TextLimits.CODE) String code,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}

    /** A bank's own profile derived from a built-in standard; the page's form and the API's body. */
    record Derivation(
            @NotBlank @Size(max = 30) String code,
            @NotBlank @Size(max = TextLimits.LABEL) String name,
            @Size(max = TextLimits.NOTE) String description,
            @NotBlank @Size(max = TextLimits.CODE) String from) {}

    /** One parameter of a bank's own profile changed from a day on, with the reason. */
    record ParameterChange(
            @NotBlank @Size(max = TextLimits.CODE) String key,
            @NotBlank @Size(max = TextLimits.NOTE) String value,
            @NotNull LocalDate effectiveFrom,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}

    /** The parameter of a profile beside its standard's value, with the changes (past and scheduled). */
    record ComparisonDto(
            String key,
            String value,
            String standardValue,
            boolean differs,
            String source,
            String standardSource,
            List<ChangeDto> changes) {
        static ComparisonDto of(BankProfiles.ParameterComparison c) {
            return new ComparisonDto(
                    c.parameter().key(),
                    c.value(),
                    c.standardValue(),
                    c.differs(),
                    c.source(),
                    c.standardSource(),
                    c.changes().stream().map(ChangeDto::of).toList());
        }
    }

    record ChangeDto(
            String key,
            String value,
            String beforeValue,
            LocalDate effectiveFrom,
            String reason,
            String changedBy,
            Instant changedAt,
            boolean scheduled) {
        static ChangeDto of(BankProfiles.ParameterChangeView c) {
            return new ChangeDto(
                    c.parameter().key(),
                    c.value(),
                    c.beforeValue(),
                    c.effectiveFrom(),
                    c.reason(),
                    c.changedBy(),
                    c.changedAt(),
                    c.scheduled());
        }
    }

    @PostMapping("/profiles")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    ProfileDto derive(@Valid @RequestBody Derivation derivation) {
        return ProfileDto.of(
                bankProfiles.derive(derivation.code(), derivation.name(), derivation.description(), derivation.from()));
    }

    @PostMapping("/profiles/{code}/parameters")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    ChangeDto change(@PathVariable String code, @Valid @RequestBody ParameterChange change) {
        return ChangeDto.of(
                bankProfiles.change(code, change.key(), change.value(), change.effectiveFrom(), change.reason()));
    }

    @GetMapping("/profiles/{code}/comparison")
    @PreAuthorize("isAuthenticated()")
    List<ComparisonDto> comparison(@PathVariable String code) {
        return bankProfiles.comparison(code).stream().map(ComparisonDto::of).toList();
    }

    /** The bank's order of names, whatever its profile: a Vietnamese or Lao bank shows the family name first. */
    record NamesOrderChoice(
            @NotNull NameOrder order,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}

    @PutMapping("/names-order")
    @PreAuthorize("hasRole('ADMIN')")
    ProfileDto chooseNamesOrder(@Valid @RequestBody NamesOrderChoice choice) {
        return ProfileDto.of(standards.chooseNamesOrder(choice.order(), choice.reason()));
    }

    @GetMapping("/profiles")
    @PreAuthorize("isAuthenticated()")
    List<ProfileDto> profiles() {
        return standards.profiles().stream().map(ProfileDto::of).toList();
    }

    @GetMapping("/profiles/{code}")
    @PreAuthorize("isAuthenticated()")
    ProfileDto profile(@PathVariable String code) {
        return ProfileDto.of(standards.profile(code));
    }

    @GetMapping("/active")
    @PreAuthorize("isAuthenticated()")
    ProfileDto active() {
        return ProfileDto.of(standards.activeProfile());
    }

    @PutMapping("/active")
    @PreAuthorize("hasRole('ADMIN')")
    ProfileDto activate(@Valid @RequestBody Activation activation) {
        return ProfileDto.of(standards.activate(activation.code(), activation.reason()));
    }
}
