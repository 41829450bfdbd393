package org.openmilkbank.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.identity.ApiTokenView;
import org.openmilkbank.identity.ApiTokens;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.identity.IssuedToken;
import org.openmilkbank.identity.SignInLock;
import org.openmilkbank.identity.StaffAccount;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.TextLimits;
import org.springframework.http.HttpStatus;
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

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UserApiController {

    private final IdentityManagement identity;
    private final ApiTokens tokens;

    UserApiController(IdentityManagement identity, ApiTokens tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    @GetMapping
    Paged<StaffAccount> all(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(identity.all(), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    StaffAccount one(@PathVariable UUID id) {
        return identity.find(id).orElseThrow(() -> new NotFound("user.notFound", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StaffAccount create(@Valid @RequestBody UserForm form) {
        return identity.create(form.username(), form.displayName(), form.password(), form.roles());
    }

    record RolesChange(
            Set<Role> roles,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}

    record Reason(@NotBlank @Size(max = TextLimits.REASON) String reason) {}

    record PasswordReset(
            @NotBlank String password,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}

    record TokenRequest(@NotBlank @Size(max = 80) String name) {}

    @PutMapping("/{id}/roles")
    StaffAccount roles(@PathVariable UUID id, @Valid @RequestBody RolesChange change) {
        return identity.changeRoles(id, change.roles(), change.reason());
    }

    @PostMapping("/{id}/disable")
    StaffAccount disable(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        return identity.disable(id, reason.reason());
    }

    @PostMapping("/{id}/enable")
    StaffAccount enable(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        return identity.enable(id, reason.reason());
    }

    /** Its owner must choose her own password at her next sign-in; her sessions end now. */
    @PostMapping("/{id}/password")
    StaffAccount resetPassword(@PathVariable UUID id, @Valid @RequestBody PasswordReset reset) {
        return identity.resetPassword(id, reset.password(), reset.reason());
    }

    /** Accounts locked now after too many failed sign-ins. */
    @GetMapping("/locks")
    Paged<SignInLock> locks(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(identity.signInLocks(), PageRequest.of(page, size));
    }

    @PostMapping("/{id}/unlock")
    StaffAccount unlock(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        return identity.unlock(id, reason.reason());
    }

    @GetMapping("/{id}/tokens")
    List<ApiTokenView> tokens(@PathVariable UUID id) {
        return tokens.of(id);
    }

    @PostMapping("/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken createToken(@PathVariable UUID id, @Valid @RequestBody TokenRequest request) {
        return tokens.create(id, request.name());
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    ApiTokenView revokeToken(@PathVariable UUID tokenId) {
        return tokens.revoke(tokenId);
    }
}
