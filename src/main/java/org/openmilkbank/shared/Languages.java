package org.openmilkbank.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the bank speaks (English, Vietnamese, Lao), and which of them a person's stated language is: a
 * donor's preferred language is typed freely (vi or Vietnamese or Tiếng Việt, lo or Lao or ລາວ), and what is
 * printed for her (her receipt) is in that language when the bank speaks it.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale LAO = Locale.forLanguageTag("lo");

    private Languages() {}

    /** The bank's language that the text names, if any. */
    public static Optional<Locale> of(String stated) {
        if (stated == null || stated.isBlank()) {
            return Optional.empty();
        }
        String raw = stated.strip().toLowerCase(Locale.ROOT);
        if (raw.contains("ລາວ")) {
            return Optional.of(LAO);
        }
        String plain = Normalizer.normalize(raw, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('đ', 'd');
        String first = plain.split("[^a-z]+", 2)[0];
        if (first.isEmpty() && plain.length() > 0) {
            String[] words = plain.split("[^a-z]+");
            first = words.length > 1 ? words[1] : "";
        }
        if (first.equals("vi") || plain.startsWith("viet") || plain.contains("tieng viet")) {
            return Optional.of(VIETNAMESE);
        }
        if (first.equals("lo") || first.equals("lao") || plain.startsWith("lao")) {
            return Optional.of(LAO);
        }
        if (first.equals("en") || plain.startsWith("english") || plain.startsWith("tieng anh")) {
            return Optional.of(ENGLISH);
        }
        return Optional.empty();
    }
}
