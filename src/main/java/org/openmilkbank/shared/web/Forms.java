package org.openmilkbank.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way a page form is handled: a form record bound with {@code @Valid} and a {@link BindingResult}; when
 * the form is invalid or the rule refuses, the same page is drawn again with what was typed and the reasons
 * beside the fields (a refusal that names no field of the form is shown above it), and nothing was changed.
 * Otherwise the action runs and its redirect (with a flash message) is returned.
 *
 * <pre>{@code
 * @PostMapping
 * String register(@Valid @ModelAttribute("registration") NewDonor form, BindingResult result, Model model, RedirectAttributes flash) {
 *     return forms.submit(result, () -> { var donor = donors.register(form); …; return "redirect:/donors/" + donor.id(); },
 *                         () -> listPage(model));
 * }
 * }</pre>
 *
 * <p>Templates show the errors with {@code fragments/forms :: errors} (the form's own) and
 * {@code fragments/forms :: feedback('field')} under each input, inside a {@code th:object} form.
 */
@Component
public class Forms {

    private final Messages messages;

    Forms(Messages messages) {
        this.messages = messages;
    }

    /**
     * Runs {@code action} when the form is valid; when it is not, or the action is refused by a rule, draws the page
     * again with {@code page} (answered 422 to a plain form post, so a test or a script sees the refusal).
     */
    public String submit(BindingResult result, Supplier<String> action, Supplier<String> page) {
        if (!result.hasErrors()) {
            try {
                return action.get();
            } catch (RuleViolation refusal) {
                reject(result, refusal);
            }
        }
        refused();
        return page.get();
    }

    /** Puts a refusal onto the form: beside its field when it names one the form has, else above the form. */
    public void reject(BindingResult result, RuleViolation refusal) {
        String message = messages.of(refusal);
        String field = refusal.field().filter(f -> hasField(result, f)).orElse(null);
        if (field == null) {
            result.addError(new ObjectError(result.getObjectName(), null, null, message));
        } else {
            // the raw value: the page formats it again as the field's type (a number, a date, a list)
            result.addError(new FieldError(
                    result.getObjectName(), field, result.getRawFieldValue(field), false, null, null, message));
        }
    }

    private static boolean hasField(BindingResult result, String field) {
        try {
            return result.getFieldType(field) != null;
        } catch (NotReadablePropertyException e) {
            return false;
        }
    }

    private static void refused() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            HttpServletResponse response = attributes.getResponse();
            // htmx swaps only 2xx answers: a fragment drawn again with its errors is a 200 to it
            if (response != null && request.getHeader("HX-Request") == null) {
                response.setStatus(422);
            }
        }
    }
}
