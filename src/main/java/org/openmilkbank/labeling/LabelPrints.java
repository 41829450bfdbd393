package org.openmilkbank.labeling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of labels printed. A DIN's first label needs no reason; any further label for it is a reprint,
 * which needs a reason and is kept, because two labels with one DIN could end up on two containers.
 */
@Service
public class LabelPrints {

    static final String RECORD_TYPE = "Label";

    private final JdbcClient jdbc;
    private final History history;
    private final Clock clock;

    LabelPrints(JdbcClient jdbc, History history, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    /** Records a print of these DINs; refuses the whole print if any is a reprint and no reason is given. */
    @Transactional
    public void record(List<Din> dins, LabelPrinter.Output kind, LabelFormat stock, String reason) {
        String output = kind + " " + stock;
        Said printed = Said.of(
                "labeling.history.printed",
                Said.code("label.output." + kind.name()),
                Said.code("label.format." + stock.name()));
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        List<Din> distinct = List.copyOf(new LinkedHashSet<>(dins));
        for (Din din : distinct) {
            if (printedBefore(din) && why == null) {
                throw new RuleViolation("label.reprint.reasonRequired", din.withCheck());
            }
        }
        for (Din din : distinct) {
            boolean reprint = printedBefore(din);
            jdbc.sql("""
                            insert into label_print (id, din, output, reprint, reason, printed_at, printed_by)
                            values (:id, :din, :output, :reprint, :reason, :at, :by)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("din", din.value())
                    .param("output", output)
                    .param("reprint", reprint)
                    .param("reason", reprint ? why : null)
                    .param("at", Timestamp.from(Instant.now(clock)))
                    .param("by", CurrentActor.username())
                    .update();
            if (reprint) {
                history.recordCorrection(
                        RECORD_TYPE, din.value(), new Said("labeling.history.reprinted", printed.args()), why);
            } else {
                history.record(RECORD_TYPE, din.value(), printed);
            }
        }
    }

    @Transactional(readOnly = true)
    public boolean printedBefore(Din din) {
        return jdbc.sql("select count(*) from label_print where din = :din")
                        .param("din", din.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Whether any of these DINs already has a label, so a page can ask for the reprint reason up front. */
    @Transactional(readOnly = true)
    public boolean anyPrinted(List<Din> dins) {
        return dins.stream().anyMatch(this::printedBefore);
    }
}
