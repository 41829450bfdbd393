package org.openmilkbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Locale;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** Someone else saved the same key, or changed the record, first: 409 or a flash message, never a 500. */
class ConflictHandlingTest {

    private final Messages messages = new Messages(bundle());
    private final ApiErrorHandler api = new ApiErrorHandler(messages);
    private final PageErrorHandler pages = new PageErrorHandler(messages);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aDuplicateKeyFromTheDatabaseIsA409() {
        ProblemDetail p = api.integrity(duplicate());
        assertThat(p.getStatus()).isEqualTo(409);
        assertThat(p.getProperties()).containsEntry("code", "error.conflict.duplicate");
        assertThat(p.getDetail()).contains("already exists");
    }

    @Test
    void aDuplicateKeyIsSaidInTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
        assertThat(api.integrity(duplicate()).getDetail()).contains("đã tồn tại");
    }

    @Test
    void aDuplicateKeyThroughJdbcIsA409Too() {
        DuplicateKeyException e = new DuplicateKeyException("dup", new SQLException("dup", "23505"));
        assertThat(api.integrity(e).getStatus()).isEqualTo(409);
    }

    @Test
    void anotherBrokenConstraintIsRefusedNotAServerError() {
        DataIntegrityViolationException e = new DataIntegrityViolationException(
                "check", new ConstraintViolationException("check", new SQLException("check", "23514"), "ck"));
        assertThat(api.integrity(e).getStatus()).isEqualTo(422);
    }

    @Test
    void aConcurrentChangeIsA409() {
        ProblemDetail p = api.concurrent(new ObjectOptimisticLockingFailureException("Pool", "id"));
        assertThat(p.getStatus()).isEqualTo(409);
        assertThat(p.getProperties()).containsEntry("code", "error.conflict.concurrent");
    }

    @Test
    void aLockThatCannotBeHadIsA409() {
        ProblemDetail p = api.concurrent(new CannotAcquireLockException("lock timeout"));
        assertThat(p.getStatus()).isEqualTo(409);
        assertThat(p.getProperties()).containsEntry("code", "error.conflict.locked");
    }

    @Test
    void onAPageADuplicateGoesBackWithAFlashMessage() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/infants");
        request.setServerName("localhost");
        request.addHeader("Referer", "http://localhost/infants/new");
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        String view = pages.integrity(duplicate(), request, flash, new ExtendedModelMap());
        assertThat(view).isEqualTo("redirect:/infants/new");
        assertThat((String) flash.getFlashAttributes().get("error")).contains("already exists");
    }

    @Test
    void onAPageAConcurrentChangeIsAFlashMessageInPlaceForHtmx() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/pools");
        request.addHeader("HX-Request", "true");
        ExtendedModelMap model = new ExtendedModelMap();
        String view = pages.concurrent(
                new ObjectOptimisticLockingFailureException("Pool", "id"),
                request,
                new RedirectAttributesModelMap(),
                model);
        assertThat(view).isEqualTo("fragments/layout :: alert");
        assertThat((String) model.getAttribute("error")).contains("at the same moment");
    }

    private static DataIntegrityViolationException duplicate() {
        return new DataIntegrityViolationException(
                "could not execute statement",
                new ConstraintViolationException(
                        "duplicate key", new SQLException("duplicate key value", "23505"), "staff_user_username_key"));
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
