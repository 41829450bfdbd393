package org.openmilkbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class SafeRedirectTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://evil.example/x|/",
                "//evil.example/x|/",
                "/\\evil.example|/",
                "http://localhost.evil.example/x|/",
                "http://localhost:8081/donors|/",
                "https://localhost/donors|/",
                "http://user@localhost/donors|/",
                "javascript:alert(1)|/",
                "donors|/",
                "http://localhost/donors?q=1|/donors?q=1",
                "/pools/abc|/pools/abc",
            })
    void goesBackOnlyToAPageOfTheBankItself(String referer, String expected) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
        request.setServerName("localhost");
        request.setServerPort(80);
        request.setScheme("http");
        request.addHeader("Referer", referer);
        assertThat(SafeRedirect.back(request)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void withoutARefererGoesHome() {
        assertThat(SafeRedirect.back(new MockHttpServletRequest("POST", "/x"))).isEqualTo("/");
    }
}
