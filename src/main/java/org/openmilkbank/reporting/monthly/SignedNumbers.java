package org.openmilkbank.reporting.monthly;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The numbers a manager signs: the month's value of every indicator and its target, as computed at that moment,
 * with a SHA-256 digest of a canonical text of them (so a later change of a number is seen against the signature).
 */
record SignedNumbers(String month, String profileCode, List<Line> lines) {

    record Line(
            String code,
            String breakdown,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            BigDecimal target,
            TargetDirection direction) {}

    static SignedNumbers of(MonthView view) {
        return new SignedNumbers(
                view.month().toString(),
                view.profile().code(),
                view.rows().stream()
                        .map(r -> new Line(
                                r.code(),
                                r.breakdown(),
                                r.thisMonth(),
                                r.numerator(),
                                r.denominator(),
                                r.target() == null ? null : r.target().value(),
                                r.target() == null ? null : r.target().direction()))
                        .toList());
    }

    /** One line per number; the same numbers give the same text whatever their scale (0.450 and 0.45). */
    String canonical() {
        StringBuilder text = new StringBuilder("month=" + month + "\nprofile=" + profileCode + "\n");
        for (Line l : lines) {
            text.append(String.join(
                            "|",
                            l.code(),
                            l.breakdown() == null ? "" : l.breakdown(),
                            plain(l.value()),
                            plain(l.numerator()),
                            plain(l.denominator()),
                            plain(l.target()),
                            l.direction() == null ? "" : l.direction().name()))
                    .append('\n');
        }
        return text.toString();
    }

    String digest() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
