package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openmilkbank.support.BrowserTest;

class SignInBrowserTest extends BrowserTest {

    @Test
    void anAdminSignsInSeesTheActiveStandardAndSignsOut() {
        page.navigate("/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));

        signIn("admin", "admin-test-password");
        page.navigate("/standards");
        assertThat(page.getByTestId("active-profile")).hasText("HMBANA (North America)");
        assertThat(page.getByTestId("profile-parameters")).containsText("62.5");

        page.navigate("/admin/users");
        assertThat(page.getByTestId("users-table")).containsText("admin");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        page.navigate("/login");
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
                .containsText("Wrong username or password");
    }
}
