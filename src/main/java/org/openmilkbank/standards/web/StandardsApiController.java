package org.openmilkbank.standards.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.TextLimits;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/standards")
class StandardsApiController {

    private final Standards standards;

    StandardsApiController(Standards standards) {
        this.standards = standards;
    }

    record ProfileDto(String code, String name, String description, Map<String, String> parameters) {
        static ProfileDto of(StandardProfile p) {
            Map<String, String> params = new LinkedHashMap<>();
            p.values().forEach((k, v) -> params.put(k.key(), v));
            return new ProfileDto(p.code(), p.name(), p.description(), params);
        }
    }

    record Activation(
            @NotBlank @Size(max = TextLimits.CODE) String code,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}

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
