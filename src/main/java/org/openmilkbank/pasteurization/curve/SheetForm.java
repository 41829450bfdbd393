package org.openmilkbank.pasteurization.curve;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.shared.TextLimits;

/**
 * The temperatures written every 5 minutes on the pasteuriser's sheet: the day the cycle started, the probe, and a
 * row per reading (a time {@code HH:mm}, later rows past midnight belong to the next day, and °C). Empty rows are
 * skipped. A second sheet or log of the same run says why ({@code reason}).
 */
public record SheetForm(
        @NotNull LocalDate date,
        @Size(max = TextLimits.CODE) String probe,
        @Valid @Size(max = SheetForm.MAX_ROWS) List<Row> rows,
        @Size(max = TextLimits.REASON) String reason) {

    public static final int MAX_ROWS = 96;
    public static final int BLANK_ROWS = 40;

    public record Row(
            @Size(max = 10) String time, @Size(max = 10) String celsius) {}

    public static SheetForm blank(LocalDate date) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row("", ""));
        }
        return new SheetForm(date, "Control bottle", rows, "");
    }
}
