package org.openmilkbank.standards.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openmilkbank.shared.web.Formats;
import org.openmilkbank.standards.ExpiryFrom;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A standard profile in the reader's words ({@code ${@standardTexts.…}}): its name and description from the bundle
 * ({@code standards.profile.<CODE>.name}; a profile a bank added itself keeps its stored words), and each
 * parameter's value as a person reads it: yes/no, numbers in her grouping, categories and tests by name, the unit
 * translated.
 */
@Component("standardTexts")
public class StandardTexts {

    private final MessageSource messages;
    private final Formats fmt;

    StandardTexts(MessageSource messages, Formats fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    public String name(StandardProfile profile) {
        return text("standards.profile." + profile.code() + ".name", profile.name());
    }

    public String description(StandardProfile profile) {
        return text("standards.profile." + profile.code() + ".description", profile.description());
    }

    /** The value with its unit, e.g. "30 phút", "Có", "HIV; HTLV; Giang mai". */
    public String value(Parameter parameter, String value) {
        if (value == null) {
            return "—";
        }
        String shown = switch (parameter.type()) {
            case BOOLEAN -> fmt.yesNo(Boolean.parseBoolean(value.strip()));
            case EXPIRY_FROM -> fmt.label(ExpiryFrom.valueOf(value.strip()));
            case NAME_ORDER -> fmt.label(org.openmilkbank.shared.NameOrder.valueOf(value.strip()));
            case CREMATOCRIT_FORMULA -> fmt.label(org.openmilkbank.standards.CrematocritFormula.valueOf(value.strip()));
            case INTEGER, DECIMAL -> number(value);
            case LIST -> list(parameter, value);
        };
        if (parameter.unit() == null || parameter.type() == Parameter.Type.LIST) {
            return shown;
        }
        return shown + " " + text("unit." + parameter.unit(), parameter.unit());
    }

    private String list(Parameter parameter, String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            String code = item.strip();
            if (code.isEmpty()) {
                continue;
            }
            if (parameter == Parameter.DEFERRAL_RISK_LOOKBACK && code.contains("=")) {
                String category = code.substring(0, code.indexOf('=')).strip();
                String days = code.substring(code.indexOf('=') + 1).strip();
                String label = text("enum.DeferralCategory." + category, category);
                items.add(
                        "ALL".equals(days)
                                ? messages.getMessage("standards.lookback.all", new Object[] {label}, locale())
                                : messages.getMessage(
                                        "standards.lookback.days", new Object[] {label, parsed(days)}, locale()));
            } else if ((parameter == Parameter.PRE_CULTURE_LIMITS || parameter == Parameter.POST_CULTURE_LIMITS)
                    && code.contains("=")) {
                String organism = code.substring(0, code.indexOf('=')).strip();
                String label = "ANY".equals(organism)
                        ? text("standards.limits.anything", organism)
                        : text("enum.Organism." + organism, organism);
                items.add(messages.getMessage(
                        "standards.limits.over",
                        new Object[] {label, parsed(code.substring(code.indexOf('=') + 1))},
                        locale()));
            } else if (parameter == Parameter.SEROLOGY_PANEL) {
                items.add(text("serology.test." + code, code));
            } else if (parameter == Parameter.BEDSIDE_OVERRIDE_REASONS) {
                items.add(
                        "NONE".equals(code)
                                ? text("standards.overrides.none", code)
                                : text("enum.BedsideRefusal." + code, code));
            } else {
                items.add(code);
            }
        }
        if (items.isEmpty()
                && (parameter == Parameter.PRE_CULTURE_LIMITS || parameter == Parameter.POST_CULTURE_LIMITS)) {
            return text("standards.limits.none", "—");
        }
        return String.join("; ", items);
    }

    private String number(String value) {
        Object parsed = parsed(value);
        return parsed instanceof Number n ? fmt.number(n) : value;
    }

    private static Object parsed(String value) {
        try {
            return value.contains(".")
                    ? (Object) new java.math.BigDecimal(value.strip())
                    : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
