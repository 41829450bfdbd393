package org.openmilkbank.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to other pages of the list on this page: the same path and query (filters, search) with only
 * {@code page} changed. Offered to every page as {@code pageLinks}, read by {@code fragments/layout :: pager}.
 */
public final class PageLinks {

    /** The page's own address, with its query string as sent (already encoded). */
    private final String address;

    private PageLinks(String address) {
        this.address = address;
    }

    /**
     * The list's address: a page drawn for a GET is its own address and query (never the fields of a form: a page
     * drawn again after a refused POST links to the page the form was on, so nothing typed, such as a password,
     * ever lands in a link).
     */
    static PageLinks of(HttpServletRequest request) {
        if (!"GET".equalsIgnoreCase(request.getMethod())) {
            return new PageLinks(SafeRedirect.back(request));
        }
        String query = request.getQueryString();
        return new PageLinks(request.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /** This page's address showing page {@code page} of its list. */
    public String to(int page) {
        return UriComponentsBuilder.fromUriString(address)
                .replaceQueryParam("page", page)
                .build(true)
                .toUriString();
    }
}
