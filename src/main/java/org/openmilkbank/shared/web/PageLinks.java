package org.openmilkbank.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Links to other pages of the list on this page: the same path and query (filters, search) with only
 * {@code page} changed. Offered to every page as {@code pageLinks}, read by {@code fragments/layout :: pager}.
 */
public final class PageLinks {

    /** The list's path; and its query: filters and search, never a form's fields. */
    private final String path;

    private final Map<String, String[]> parameters;

    private PageLinks(String path, Map<String, String[]> parameters) {
        this.path = path;
        this.parameters = parameters;
    }

    /**
     * The list's address: a page drawn for a GET is its own path and parameters (a GET carries no form body); a page
     * drawn again after a refused POST links to the page the form was on, so nothing typed, such as a password, ever
     * lands in a link.
     */
    static PageLinks of(HttpServletRequest request) {
        if (!"GET".equalsIgnoreCase(request.getMethod())) {
            UriComponents back = UriComponentsBuilder.fromUriString(SafeRedirect.back(request))
                    .build();
            Map<String, String[]> query = new LinkedHashMap<>();
            back.getQueryParams()
                    .forEach((name, values) -> query.put(
                            UriUtils.decode(name, StandardCharsets.UTF_8),
                            values.stream()
                                    .map(v -> v == null ? "" : UriUtils.decode(v, StandardCharsets.UTF_8))
                                    .toArray(String[]::new)));
            return new PageLinks(back.getPath() == null ? "/" : back.getPath(), query);
        }
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
