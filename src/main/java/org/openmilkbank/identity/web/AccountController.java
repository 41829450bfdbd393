package org.openmilkbank.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.openmilkbank.identity.ApiTokens;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.identity.StaffAccount;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every staff member's own account: her password and her personal API tokens. */
@Controller
@RequestMapping("/account")
@PreAuthorize("isAuthenticated()")
class AccountController {

    private final IdentityManagement identity;
    private final ApiTokens tokens;
    private final Messages messages;
    private final Forms forms;

    AccountController(IdentityManagement identity, ApiTokens tokens, Messages messages, Forms forms) {
        this.forms = forms;
        this.identity = identity;
        this.tokens = tokens;
        this.messages = messages;
    }

    /** Her new password, typed twice; the page's form (the API takes it once, as {@code PasswordChange}). */
    record PasswordChangeForm(
            @NotBlank @Size(max = 200) String currentPassword,
            @NotBlank @Size(max = 200) String newPassword,
            @NotBlank @Size(max = 200) String confirmPassword) {

        @Override
        public String toString() {
            return "PasswordChangeForm[…]";
        }
    }

    @GetMapping
    String show(Authentication authentication, Model model) {
        StaffAccount account = me(authentication);
        model.addAttribute("account", account);
        model.addAttribute("tokens", account.mustChangePassword() ? java.util.List.of() : tokens.of(account.id()));
        if (!model.containsAttribute("passwordChange")) {
            model.addAttribute("passwordChange", new PasswordChangeForm(null, null, null));
        }
        if (!model.containsAttribute("token")) {
            model.addAttribute("token", new AccountApiController.TokenRequest(null));
        }
        return "identity/account";
    }

    @GetMapping("/password")
    String passwordPage(Authentication authentication, Model model) {
        return show(authentication, model);
    }

    /** Changes her own password; a refused change draws the page again with the reason beside the field. */
    @PostMapping("/password")
    String changePassword(
            @Valid @ModelAttribute("passwordChange") PasswordChangeForm form,
            BindingResult result,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return forms.submit(
                result,
                () -> {
                    if (!form.newPassword().equals(form.confirmPassword())) {
                        throw new RuleViolation("user.password.confirmationDiffers").on("confirmPassword");
                    }
                    try {
                        identity.changeOwnPassword(form.currentPassword(), form.newPassword());
                    } catch (RuleViolation refused) {
                        // the password rules name the new password "password"; on this form it is newPassword
                        throw refused.field().filter("password"::equals).isPresent()
                                ? refused.on("newPassword")
                                : refused;
                    }
                    // every session of hers has ended with the old password, this one too: she signs in with the new
                    new SecurityContextLogoutHandler().logout(request, response, authentication);
                    return "redirect:/login?changed";
                },
                () -> show(authentication, model));
    }

    @PostMapping("/tokens")
    String createToken(
            @Valid @ModelAttribute("token") AccountApiController.TokenRequest form,
            BindingResult result,
            Authentication authentication,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    var issued = tokens.create(me(authentication).id(), form.name());
                    flash.addFlashAttribute("issuedToken", issued.token());
                    flash.addFlashAttribute(
                            "success",
                            messages.get("token.created", issued.view().name()));
                    return "redirect:/account";
                },
                () -> show(authentication, model));
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
