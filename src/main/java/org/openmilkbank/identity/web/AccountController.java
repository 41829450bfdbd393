package org.openmilkbank.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.openmilkbank.identity.ApiTokens;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.identity.StaffAccount;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every staff member's own account: her password and her personal API tokens. */
@Controller
@RequestMapping("/account")
@PreAuthorize("isAuthenticated()")
class AccountController {

    private final IdentityManagement identity;
    private final ApiTokens tokens;
    private final Messages messages;

    AccountController(IdentityManagement identity, ApiTokens tokens, Messages messages) {
        this.identity = identity;
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping
    String show(Authentication authentication, Model model) {
        StaffAccount account = me(authentication);
        model.addAttribute("account", account);
        model.addAttribute("tokens", account.mustChangePassword() ? java.util.List.of() : tokens.of(account.id()));
        return "identity/account";
    }

    @GetMapping("/password")
    String passwordPage(Authentication authentication, Model model) {
        return show(authentication, model);
    }

    @PostMapping("/password")
    String changePassword(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new RuleViolation("user.password.confirmationDiffers");
            }
            identity.changeOwnPassword(currentPassword, newPassword);
        } catch (RuleViolation e) {
            flash.addFlashAttribute("error", messages.of(e));
            return "redirect:/account/password";
        }
        // every session of hers has ended with the old password, this one too: she signs in with the new one
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/login?changed";
    }

    @PostMapping("/tokens")
    String createToken(
            @RequestParam(defaultValue = "") String name, Authentication authentication, RedirectAttributes flash) {
        try {
            var issued = tokens.create(me(authentication).id(), name);
            flash.addFlashAttribute("issuedToken", issued.token());
            flash.addFlashAttribute(
                    "success", messages.get("token.created", issued.view().name()));
        } catch (RuleViolation e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/account";
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable UUID tokenId, RedirectAttributes flash) {
        try {
            tokens.revoke(tokenId);
            flash.addFlashAttribute("success", messages.get("token.revoked"));
        } catch (RuleViolation e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/account";
    }

    private StaffAccount me(Authentication authentication) {
        return identity.findByUsername(authentication.getName())
                .orElseThrow(() -> new NotFound("user.notFound", authentication.getName()));
    }
}
