package org.openmilkbank.network.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Words of the network pages ({@code @networkWords} in templates): an entry's kind in the reader's language
 * ({@code network.kind.<kind>}), or the kind as it is coded when it has no words yet.
 */
@Component("networkWords")
class NetworkWords {

    private final MessageSource messages;
    private final JsonMapper json;

    NetworkWords(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The kind of a payload given as its JSON text. */
    public String kind(String payload) {
        String kind;
        try {
            kind = json.readTree(payload).path("kind").asText("");
        } catch (JacksonException e) {
            kind = "";
        }
        return kindCode(kind);
    }

    /** A kind as coded. */
    public String kindCode(String kind) {
        Locale locale = LocaleContextHolder.getLocale();
        String k = kind == null ? "" : kind;
        return messages.getMessage("network.kind." + k, null, k.isEmpty() ? "—" : k, locale);
    }

    /**
     * What an entry holds in a line, when its kind has one ("12 events of 2026-03"), else {@code null}; shown with
     * {@code @fmt.said}.
     */
    public org.openmilkbank.shared.Said summary(String payload) {
        return org.openmilkbank.network.UnitEvents.summaryOf(payload).orElse(null);
    }
}
