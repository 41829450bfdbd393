package org.openmilkbank.reporting.dhis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

/** What a bank types into the DHIS2 settings: UIDs, the server's address, ADX codes. */
class Dhis2InputTest {

    @Test
    void aUidIsElevenLettersAndDigitsBeginningWithALetter() {
        assertThat(Dhis2Uid.isValid("fbfJHSPpUQD")).isTrue();
        assertThat(Dhis2Uid.isValid("1bfJHSPpUQD")).as("a digit first").isFalse();
        assertThat(Dhis2Uid.isValid("fbfJHSPpUQ")).as("ten").isFalse();
        assertThat(Dhis2Uid.isValid("fbfJHSPpUQDx")).as("twelve").isFalse();
        assertThat(Dhis2Uid.isValid("fbfJHSP-UQD")).isFalse();
        assertThat(Dhis2Uid.required("  fbfJHSPpUQD ", "dataElement")).isEqualTo("fbfJHSPpUQD");
        assertThat(Dhis2Uid.optional(" ", "categoryOptionCombo")).isNull();
        assertThatThrownBy(() -> Dhis2Uid.required("fbfJHSP", "dataElement"))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).field()).contains("dataElement"));
    }

    @Test
    void theServersAddressIsKeptWithoutATrailingSlashOrApi() {
        assertThat(Dhis2Settings.baseUrl("https://dhis2.moh.gov.la/dhis/api/"))
                .isEqualTo("https://dhis2.moh.gov.la/dhis");
        assertThat(Dhis2Settings.baseUrl(" http://127.0.0.1:18102 ")).isEqualTo("http://127.0.0.1:18102");
        for (String wrong : new String[] {
            "dhis2.example.org",
            "ftp://dhis2.example.org",
            "https://user:pw@dhis2.org",
            "https://dhis2.org/?x=1",
            "https://"
        }) {
            assertThatThrownBy(() -> Dhis2Settings.baseUrl(wrong)).as(wrong).isInstanceOf(RuleViolation.class);
        }
    }

    @Test
    void adxCodesArePairsOfACategoryAndAnOptionAndNeverAnAttributeAdxItselfUses() {
        assertThat(Dhis2Settings.adx(" WARD = NICU ; AGE=PRETERM ")).isEqualTo("WARD=NICU;AGE=PRETERM");
        assertThat(Dhis2Settings.adx("")).isNull();
        for (String wrong : new String[] {
            "WARD", "WARD=", "=NICU", "value=3", "dataElement=x", "WARD=A;WARD=B", "1WARD=A", "WARD=<b>"
        }) {
            assertThatThrownBy(() -> Dhis2Settings.adx(wrong)).as(wrong).isInstanceOf(RuleViolation.class);
        }
    }
}
