package org.openmilkbank.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;

/** Where a refused page action goes back to: the page it came from if that page is ours, else home. */
final class SafeRedirect {

    private SafeRedirect() {}

    /** A same-origin path (with its query) taken from the {@code Referer}, or {@code /}. */
    static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || referer.isBlank() || referer.indexOf('\\') >= 0 || hasControl(referer)) {
            return "/";
        }
        URI uri;
        try {
            uri = new URI(referer.strip());
        } catch (URISyntaxException e) {
            return "/";
        }
        if (uri.isOpaque()) {
            return "/";
        }
        if (uri.getScheme() != null || uri.getRawAuthority() != null) {
            boolean sameOrigin = uri.getScheme() != null
                    && uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && uri.getHost() != null
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port(uri) == request.getServerPort()
                    && uri.getRawUserInfo() == null;
            if (!sameOrigin) {
                return "/";
            }
        }
        String path = uri.getRawPath();
        String context = request.getContextPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//") || !path.startsWith(context + "/")) {
            return "/";
        }
        String inApp = path.substring(context.length());
        return uri.getRawQuery() == null ? inApp : inApp + "?" + uri.getRawQuery();
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
