package org.openmilkbank.collection.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.openmilkbank.shared.TextLimits;

/**
 * The reception page as typed: the scanned donor code, each container's line as typed (kept as text so that a
 * refusal shows exactly what was typed beside the line it is about), the box, the note and "Received at" (a local
 * date and time; empty means now).
 */
record ReceptionForm(
        @Size(max = TextLimits.CODE) String donorCode,
        List<@Valid Line> containers,
        @Size(max = TextLimits.NOTE) String note,
        @Size(max = TextLimits.CODE) String boxCode,
        @Size(max = 40) String receivedAt) {

    /** One container line: label code, volume or weight with its unit, expression day and time, condition. */
    record Line(
            @Size(max = TextLimits.CODE) String labelCode,
            @Size(max = 20) String amount,
            String unit,
            @Size(max = 20) String expressedOn,
            @Size(max = 20) String expressedAt,
            String condition) {

        Line {
            labelCode = clean(labelCode);
            amount = clean(amount);
            unit = clean(unit).isEmpty() ? "ML" : clean(unit);
            expressedOn = clean(expressedOn);
            expressedAt = clean(expressedAt);
            condition = clean(condition).isEmpty() ? "INTACT" : clean(condition);
        }

        static Line blank(LocalDate today) {
            return new Line("", "", "ML", today.toString(), "", "INTACT");
        }

        /** No label scanned and no amount typed: the spare line at the end. */
        boolean empty() {
            return labelCode.isEmpty() && amount.isEmpty();
        }
    }

    ReceptionForm {
        // the lines as typed, without lines left empty (the spare line the scanner opened at the end)
        containers = containers == null
                ? List.of()
                : containers.stream()
                        .filter(Objects::nonNull)
                        .filter(l -> !l.empty())
                        .toList();
        donorCode = clean(donorCode);
        boxCode = clean(boxCode);
        receivedAt = clean(receivedAt);
    }

    static ReceptionForm blank(String donorCode) {
        return new ReceptionForm(donorCode, List.of(), null, null, null);
    }

    /** The lines to draw: those typed, or one blank line to scan into when none was. */
    List<Line> lines(LocalDate today) {
        return containers.isEmpty() ? List.of(Line.blank(today)) : containers;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
