package org.openmilkbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PageLinksTest {

    @Test
    void aLinkToAnotherPageKeepsTheFiltersAndReplacesOnlyThePage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/containers");
        request.addParameter("state", "RAW_FROZEN");
        request.addParameter("page", "2");
        request.addParameter("q", "Lê Thị & co");
        assertThat(PageLinks.of(request).to(3))
                .isEqualTo("/containers?state=RAW_FROZEN&q=L%C3%AA%20Th%E1%BB%8B%20%26%20co&page=3");
    }

    @Test
    void aPageWithoutParametersGetsOnlyThePage() {
        assertThat(PageLinks.of(new MockHttpServletRequest("GET", "/pools")).to(2))
                .isEqualTo("/pools?page=2");
    }

    @Test
    void aPageDrawnAgainAfterARefusedFormLinksToThePageTheFormWasOnAndNeverCarriesWhatWasTyped() {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/admin/users");
        post.addHeader("Referer", "http://localhost/admin/users?page=1");
        post.addParameter("username", "new-user");
        post.addParameter("password", "short-pw");

        assertThat(PageLinks.of(post).to(2)).isEqualTo("/admin/users?page=2").doesNotContain("short-pw");
    }
}
