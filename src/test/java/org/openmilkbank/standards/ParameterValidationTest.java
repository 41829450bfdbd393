package org.openmilkbank.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmilkbank.shared.RuleViolation;

/** A value a person enters for a rule is checked by the rule's type and sensible range, and refused on its field. */
class ParameterValidationTest {

    private static RuleViolation refusal(Parameter p, String value) {
        try {
            p.validate(value);
        } catch (RuleViolation e) {
            return e;
        }
        throw new AssertionError(p + " accepted " + value);
    }

    @ParameterizedTest
    @CsvSource({
        "holder.minutes, thirty, standards.value.notInteger",
        "holder.minutes, 30.5, standards.value.notInteger",
        "holder.minutes, 0, standards.value.outOfRange",
        "holder.minutes, 181, standards.value.outOfRange",
        "holder.temperature-c, hot, standards.value.notDecimal",
        "holder.temperature-c, 55.9, standards.value.outOfRange",
        "holder.temperature-c, 75.1, standards.value.outOfRange",
        "pre-culture.max-total-cfu, -1, standards.value.outOfRange",
        "pre-culture.max-total-cfu, 1000000001, standards.value.outOfRange",
        "pool.max-donors, 0, standards.value.outOfRange",
        "screening.approvals-required, 3, standards.value.outOfRange",
        "transport.frozen-max-c, 4, standards.value.outOfRange",
        "pre-culture.required, yes, standards.value.notBoolean",
        "pasteurised.expiry-from, THAWING, standards.value.notChoice",
        "names.order, family, standards.value.notChoice",
        "raw-qc.crematocrit.formula, WANG, standards.value.notChoice",
        "serology.panel, 'HIV,hiv b', standards.value.listItem",
        "deferral.risk-lookback, 'DRUGS=30,ILLNESS=soon', standards.value.lookbackItem",
        "serology.panel, ' , ', standards.value.required"
    })
    void refusesAValueOutsideItsTypeOrRangeOnTheValueField(String key, String value, String code) {
        RuleViolation refusal = refusal(Parameter.ofKey(key), value);
        assertThat(refusal.code()).isEqualTo(code);
        assertThat(refusal.field()).contains("value");
    }

    @ParameterizedTest
    @CsvSource({
        "holder.minutes, 1, 1",
        "holder.minutes, ' 180 ', 180",
        "holder.temperature-c, 56, 56",
        "holder.temperature-c, 62.5, 62.5",
        "holder.temperature-c, 75, 75",
        "pre-culture.max-total-cfu, 0, 0",
        "pre-culture.max-total-cfu, 1000000000, 1000000000",
        "screening.approvals-required, 2, 2",
        "transport.frozen-max-c, -18, -18",
        "pre-culture.required, false, false",
        "pasteurised.expiry-from, PASTEURISATION, PASTEURISATION",
        "names.order, FAMILY_FIRST, FAMILY_FIRST",
        "raw-qc.crematocrit.formula, WANG_FROZEN, WANG_FROZEN",
        "serology.panel, 'HIV, HTLV,HBV', 'HIV,HTLV,HBV'",
        "deferral.risk-lookback, 'DRUGS=30, OTHER=ALL', 'DRUGS=30,OTHER=ALL'"
    })
    void acceptsAValueWithinItsRangeAtTheBoundaries(String key, String value, String stored) {
        assertThat(Parameter.ofKey(key).validate(value)).isEqualTo(stored);
    }

    @Test
    void refusesAnEmptyValue() {
        assertThat(refusal(Parameter.HOLDER_MINUTES, "  ").code()).isEqualTo("standards.value.required");
        assertThat(refusal(Parameter.HOLDER_MINUTES, null).code()).isEqualTo("standards.value.required");
    }

    @Test
    void everyNumberRuleHasARange() {
        for (Parameter p : Parameter.values()) {
            if (p.type() == Parameter.Type.INTEGER) {
                assertThat(p.range()).as(p.key()).isPresent();
            }
        }
    }

    @Test
    void aStoredValueIsStillReadByItsTypeOnly() {
        assertThatThrownBy(() -> Parameter.HOLDER_MINUTES.checkType("thirty"))
                .isInstanceOf(IllegalArgumentException.class);
        Parameter.HOLDER_MINUTES.checkType("0");
    }
}
