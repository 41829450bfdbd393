package org.openmilkbank.identity.web;

import jakarta.validation.Valid;
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
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    private final Forms forms;

    UserAdminController(
            IdentityManagement identity, ApiTokens tokens, History history, Messages messages, Forms forms) {
        this.forms = forms;
        this.identity = identity;
        this.tokens = tokens;
        this.history = history;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        return listPage(page, size, model);
    }

    private String listPage(Integer page, Integer size, Model model) {
        Paged<?> paged = Paged.slice(identity.all(), PageRequest.of(page, size));
        model.addAttribute("paged", paged);
        model.addAttribute("users", paged.items());
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("locks", locks());
        if (!model.containsAttribute("newUser")) {
            model.addAttribute("newUser", new UserForm(null, null, null, null));
        }
        return "identity/users";
    }

    /** Creates an account from the same record the API takes; a refused form comes back as typed (not the password). */
    @PostMapping
    String create(
            @Valid @ModelAttribute("newUser") UserForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    var account = identity.create(form.username(), form.displayName(), form.password(), form.roles());
                    flash.addFlashAttribute("success", messages.get("user.created", account.username()));
                    return "redirect:/admin/users";
                },
                () -> listPage(null, null, model));
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return userPage(id, model);
    }

    private String userPage(UUID id, Model model) {
        var user = identity.find(id).orElseThrow(() -> new NotFound("user.notFound", id));
        model.addAttribute("user", user);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("lockedUntil", locks().get(user.username()));
        model.addAttribute("tokens", tokens.of(id));
        model.addAttribute("history", history.of("StaffUser", id));
        if (!model.containsAttribute("rolesChange")) {
            model.addAttribute("rolesChange", new UserApiController.RolesChange(user.roles(), null));
        }
        for (String blank : java.util.List.of("status", "unlock")) {
            if (!model.containsAttribute(blank)) {
                model.addAttribute(blank, new UserApiController.Reason(null));
            }
        }
        if (!model.containsAttribute("passwordReset")) {
            model.addAttribute("passwordReset", new UserApiController.PasswordReset(null, null));
        }
        if (!model.containsAttribute("token")) {
            model.addAttribute("token", new UserApiController.TokenRequest(null));
        }
        return "identity/user";
    }

    @PostMapping("/{id}/roles")
    String roles(
            @PathVariable UUID id,
            @Valid @ModelAttribute("rolesChange") UserApiController.RolesChange form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onUser(
                id,
                result,
                model,
                flash,
                "user.rolesChanged",
                () -> identity.changeRoles(id, form.roles() == null ? Set.of() : form.roles(), form.reason()));
    }

    @PostMapping("/{id}/disable")
    String disable(
            @PathVariable UUID id,
            @Valid @ModelAttribute("status") UserApiController.Reason form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onUser(id, result, model, flash, "user.disabled", () -> identity.disable(id, form.reason()));
    }

    @PostMapping("/{id}/enable")
    String enable(
            @PathVariable UUID id,
            @Valid @ModelAttribute("status") UserApiController.Reason form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onUser(id, result, model, flash, "user.enabled", () -> identity.enable(id, form.reason()));
    }

    @PostMapping("/{id}/password")
    String password(
            @PathVariable UUID id,
            @Valid @ModelAttribute("passwordReset") UserApiController.PasswordReset form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onUser(
                id,
                result,
                model,
                flash,
                "user.passwordReset",
                () -> identity.resetPassword(id, form.password(), form.reason()));
    }

    @PostMapping("/{id}/unlock")
    String unlock(
            @PathVariable UUID id,
            @Valid @ModelAttribute("unlock") UserApiController.Reason form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onUser(id, result, model, flash, "user.unlocked", () -> identity.unlock(id, form.reason()));
    }

    @PostMapping("/{id}/tokens")
    String createToken(
            @PathVariable UUID id,
            @Valid @ModelAttribute("token") UserApiController.TokenRequest form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    var issued = tokens.create(id, form.name());
                    flash.addFlashAttribute("issuedToken", issued.token());
                    flash.addFlashAttribute(
                            "success",
                            messages.get("token.created", issued.view().name()));
                    return "redirect:/admin/users/" + id;
                },
                () -> userPage(id, model));
    }

    /** One change to the account: done with a flash, or the user page again with the reasons beside the fields. */
    private String onUser(
            UUID id, BindingResult result, Model model, RedirectAttributes flash, String done, Runnable action) {
        return forms.submit(
                result,
                () -> {
                    action.run();
                    flash.addFlashAttribute("success", messages.get(done));
                    return "redirect:/admin/users/" + id;
                },
                () -> userPage(id, model));
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
