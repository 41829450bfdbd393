package org.openmilkbank.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to other pages of the list on this page: the same path and query (filters, search) with only
 * {@code page} changed. Offered to every page as {@code pageLinks}, read by {@code fragments/layout :: pager}.
 */
public final class PageLinks {

    private final String path;
    private final Map<String, String[]> parameters;

    PageLinks(String path, Map<String, String[]> parameters) {
        this.path = path;
        this.parameters = parameters;
    }

    static PageLinks of(HttpServletRequest request) {
        return new PageLinks(request.getRequestURI(), new LinkedHashMap<>(request.getParameterMap()));
    }

    /** This page's address showing page {@code page} of its list. */
    public String to(int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        parameters.forEach((name, values) -> {
            if (!"page".equals(name)) {
                link.queryParam(name, (Object[]) values);
            }
        });
        return link.queryParam("page", page).encode().build().toUriString();
    }
}
