package org.openmilkbank.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every request, the signed-in account must still be enabled and her session opened under her current
 * session version (disabling, new roles, a new password raise it); otherwise the session ends at once. An
 * account that must change its password reaches only the change-password page until it does.
 */
final class AccountStateFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD_PAGE = "/account/password";
    private static final List<String> OPEN_WHILE_MUST_CHANGE = List.of(
            CHANGE_PASSWORD_PAGE,
            "/api/v1/account/password",
            "/logout",
            "/login",
            "/error",
            "/css/",
            "/js/",
            "/webjars/",
            "/favicon.ico");

    private final StaffUserRepository users;
    private final MessageSource messages;

    AccountStateFilter(StaffUserRepository users, MessageSource messages) {
        this.users = users;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal principal)) {
            if (htmx(request) && signedOut(auth) && !path(request).startsWith("/api/")) {
                // a fragment asked for without a session: reload the page, which signs in and comes back to it,
                // rather than swap the sign-in form into the slot and remember the fragment as where to land
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                response.setHeader("HX-Refresh", "true");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        var user = users.findById(principal.id());
        boolean api = path(request).startsWith("/api/");
        if (user.isEmpty() || !user.get().enabled() || user.get().sessionVersion() != principal.sessionVersion()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (api) {
                refuse(request, response, HttpStatus.UNAUTHORIZED, "session.ended");
            } else {
                redirect(request, response, "/login?expired");
            }
            return;
        }
        if (user.get().mustChangePassword() && !openWhileMustChange(path(request))) {
            if (api) {
                refuse(request, response, HttpStatus.FORBIDDEN, "user.password.mustChange");
            } else {
                redirect(request, response, CHANGE_PASSWORD_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** A page goes there; a fragment htmx loads into a page sends the whole page there instead. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        String to = request.getContextPath() + path;
        if (htmx(request)) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("HX-Redirect", to);
        } else {
            response.sendRedirect(to);
        }
    }

    private static boolean signedOut(Authentication auth) {
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }

    private static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        String detail = messages.getMessage(key, null, key, request.getLocale());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"status\":" + status.value() + ",\"title\":\"" + status.getReasonPhrase() + "\",\"code\":\""
                        + key + "\",\"detail\":\"" + json(detail) + "\"}");
    }

    private static boolean openWhileMustChange(String path) {
        return OPEN_WHILE_MUST_CHANGE.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
