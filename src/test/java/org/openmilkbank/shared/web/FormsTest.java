package org.openmilkbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;

class FormsTest {

    record Sample(String sampleDate, String labReference) {}

    private final Forms forms = new Forms(new Messages(messages()));

    private static StaticMessageSource messages() {
        StaticMessageSource source = new StaticMessageSource();
        source.addMessage("donor.serology.sampleDateInFuture", Locale.getDefault(), "{0} is in the future.");
        source.addMessage("donor.retired", Locale.getDefault(), "She has retired.");
        return source;
    }

    @Test
    void aRefusalThatNamesAFieldOfTheFormIsShownBesideIt() {
        var result = new BeanPropertyBindingResult(new Sample("2099-01-01", null), "sample");

        String page = forms.submit(
                result,
                () -> {
                    throw new RuleViolation("donor.serology.sampleDateInFuture", "2099-01-01").on("sampleDate");
                },
                () -> "the same page");

        assertThat(page).isEqualTo("the same page");
        assertThat(result.getFieldError("sampleDate").getDefaultMessage()).isEqualTo("2099-01-01 is in the future.");
        assertThat(result.getFieldValue("sampleDate")).isEqualTo("2099-01-01");
        assertThat(result.hasGlobalErrors()).isFalse();
    }

    record Counted(Integer holdMinutes) {}

    @Test
    void aRefusedNumberIsDrawnAgainAsTheNumberTyped() {
        var result = new org.springframework.validation.DirectFieldBindingResult(new Counted(50), "run");
        result.initConversion(new org.springframework.format.support.DefaultFormattingConversionService());

        forms.submit(
                result,
                () -> {
                    throw new RuleViolation("donor.retired").on("holdMinutes");
                },
                () -> "page");

        assertThat(result.getFieldError("holdMinutes").getRejectedValue()).isEqualTo(50);
        assertThat(result.getFieldValue("holdMinutes")).isEqualTo("50");
    }

    @Test
    void aRefusalAboutTheWholeRequestOrAFieldTheFormLacksIsShownAboveIt() {
        var result = new BeanPropertyBindingResult(new Sample(null, null), "sample");

        forms.submit(
                result,
                () -> {
                    throw new RuleViolation("donor.retired").on("donorId");
                },
                () -> "page");

        assertThat(result.getGlobalError().getDefaultMessage()).isEqualTo("She has retired.");
        assertThat(result.getFieldErrorCount()).isZero();
    }

    @Test
    void anInvalidFormDoesNotRunTheAction() {
        var result = new BeanPropertyBindingResult(new Sample(null, null), "sample");
        result.rejectValue("sampleDate", "NotNull");
        boolean[] ran = {false};

        String page = forms.submit(
                result,
                () -> {
                    ran[0] = true;
                    return "redirect:/";
                },
                () -> "page");

        assertThat(page).isEqualTo("page");
        assertThat(ran[0]).isFalse();
    }

    @Test
    void aValidFormRunsTheActionAndFollowsItsRedirect() {
        var result = new BeanPropertyBindingResult(new Sample("2024-01-01", null), "sample");
        assertThat(forms.submit(result, () -> "redirect:/donors/1", () -> "page"))
                .isEqualTo("redirect:/donors/1");
    }
}
