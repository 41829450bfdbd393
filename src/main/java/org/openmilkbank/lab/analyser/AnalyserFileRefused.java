package org.openmilkbank.lab.analyser;

import java.util.List;
import org.openmilkbank.shared.RuleViolation;

/** A file whose rows cannot all be imported: none was. Carries each bad row with its reason. */
public class AnalyserFileRefused extends RuleViolation {

    private final transient List<RowError> rows;

    AnalyserFileRefused(List<RowError> rows) {
        super(
                "lab.analyser.file.badRows",
                rows.stream().map(RowError::row).distinct().count());
        this.rows = List.copyOf(rows);
        on("file");
    }

    public List<RowError> rows() {
        return rows;
    }
}
