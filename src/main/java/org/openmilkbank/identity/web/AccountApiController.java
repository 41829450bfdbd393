package org.openmilkbank.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.identity.ApiTokenView;
import org.openmilkbank.identity.ApiTokens;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.identity.IssuedToken;
import org.openmilkbank.identity.StaffAccount;
import org.openmilkbank.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: her password and her personal API tokens. */
@RestController
@RequestMapping("/api/v1/account")
@PreAuthorize("isAuthenticated()")
class AccountApiController {

    private final IdentityManagement identity;
    private final ApiTokens tokens;

    AccountApiController(IdentityManagement identity, ApiTokens tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    record PasswordChange(
            @NotBlank String currentPassword, @NotBlank String newPassword) {}

    record TokenRequest(@NotBlank @Size(max = 80) String name) {}

    @GetMapping
    StaffAccount me(Authentication authentication) {
        return identity.findByUsername(authentication.getName())
                .orElseThrow(() -> new NotFound("user.notFound", authentication.getName()));
    }

    /** Her sessions end and her next call needs the new password. */
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange change) {
        identity.changeOwnPassword(change.currentPassword(), change.newPassword());
    }

    @GetMapping("/tokens")
    List<ApiTokenView> tokens(Authentication authentication) {
        return tokens.of(me(authentication).id());
    }

    /** The token is in this answer only; it is never shown again. */
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken createToken(@Valid @RequestBody TokenRequest request, Authentication authentication) {
        return tokens.create(me(authentication).id(), request.name());
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    ApiTokenView revokeToken(@PathVariable UUID tokenId) {
        return tokens.revoke(tokenId);
    }
}
