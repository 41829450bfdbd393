package org.openmilkbank.shared.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: who is signed in and which roles they hold (for the navigation). */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    @ModelAttribute("userRoles")
    Set<String> userRoles(Authentication authentication) {
        return rolesOf(authentication);
    }

    /** Also used by error handlers, whose models do not receive {@code @ModelAttribute} values. */
    static Set<String> rolesOf(Authentication authentication) {
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
    }

    @ModelAttribute("pageLinks")
    PageLinks pageLinks(jakarta.servlet.http.HttpServletRequest request) {
        return PageLinks.of(request);
    }

    @ModelAttribute("currentUser")
    String currentUser(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }
}
