package org.openmilkbank.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void refusesFewerThanTwelveCharacters() {
        assertThatThrownBy(() -> policy.check("lan", "short-pw-11"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("user.password.tooShort");
    }

    @Test
    void refusesMoreThanSeventyTwoBytesEvenWhenFewCharacters() {
        String lao = "ກ".repeat(25); // 25 characters, 75 bytes in UTF-8
        assertThatThrownBy(() -> policy.check("lan", lao))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("user.password.tooLong");
    }

    @Test
    void refusesACommonPasswordWhateverItsCase() {
        assertThatThrownBy(() -> policy.check("lan", "Password1234"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("user.password.common");
    }

    @Test
    void refusesTheUserNameWithOnlyDigitsAndSymbolsAdded() {
        assertThatThrownBy(() -> policy.check("nurse.lan", "NURSE.LAN-2024!"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("user.password.containsUsername");
    }

    @Test
    void acceptsTheDemoAndTestPasswords() {
        assertThatCode(() -> policy.check("coordinator", "milkbank-demo")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("admin", "admin-test-password")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("nurse-1", "correct-horse-9")).doesNotThrowAnyException();
    }
}
