package org.openmilkbank.identity.web;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmilkbank.identity.ApiTokens;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.identity.SignInLock;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ADMIN's page for staff accounts. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private final IdentityManagement identity;
    private final ApiTokens tokens;
    private final History history;
    private final Messages messages;

    UserAdminController(IdentityManagement identity, ApiTokens tokens, History history, Messages messages) {
        this.identity = identity;
        this.tokens = tokens;
        this.history = history;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        Paged<?> paged = Paged.slice(identity.all(), PageRequest.of(page, size));
        model.addAttribute("paged", paged);
        model.addAttribute("users", paged.items());
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("locks", locks());
        return "identity/users";
    }

    @PostMapping
    String create(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam String password,
            @RequestParam(name = "roles", required = false) Set<Role> roles,
            RedirectAttributes flash) {
        var account = identity.create(username, displayName, password, roles == null ? Set.of() : roles);
        flash.addFlashAttribute("success", messages.get("user.created", account.username()));
        return "redirect:/admin/users";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var user = identity.find(id).orElseThrow(() -> new NotFound("user.notFound", id));
        model.addAttribute("user", user);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("lockedUntil", locks().get(user.username()));
        model.addAttribute("tokens", tokens.of(id));
        model.addAttribute("history", history.of("StaffUser", id));
        return "identity/user";
    }

    @PostMapping("/{id}/roles")
    String roles(
            @PathVariable UUID id,
            @RequestParam(name = "roles", required = false) Set<Role> roles,
            @RequestParam String reason,
            RedirectAttributes flash) {
        identity.changeRoles(id, roles == null ? Set.of() : roles, reason);
        flash.addFlashAttribute("success", messages.get("user.rolesChanged"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes flash) {
        identity.disable(id, reason);
        flash.addFlashAttribute("success", messages.get("user.disabled"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes flash) {
        identity.enable(id, reason);
        flash.addFlashAttribute("success", messages.get("user.enabled"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/password")
    String password(
            @PathVariable UUID id,
            @RequestParam String password,
            @RequestParam String reason,
            RedirectAttributes flash) {
        identity.resetPassword(id, password, reason);
        flash.addFlashAttribute("success", messages.get("user.passwordReset"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes flash) {
        identity.unlock(id, reason);
        flash.addFlashAttribute("success", messages.get("user.unlocked"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/tokens")
    String createToken(@PathVariable UUID id, @RequestParam String name, RedirectAttributes flash) {
        var issued = tokens.create(id, name);
        flash.addFlashAttribute("issuedToken", issued.token());
        flash.addFlashAttribute(
                "success", messages.get("token.created", issued.view().name()));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId, RedirectAttributes flash) {
        tokens.revoke(tokenId);
        flash.addFlashAttribute("success", messages.get("token.revoked"));
        return "redirect:/admin/users/" + id;
    }

    private Map<String, Instant> locks() {
        return identity.signInLocks().stream().collect(Collectors.toMap(SignInLock::username, SignInLock::until));
    }
}
