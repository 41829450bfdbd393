package org.openmilkbank.ward.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.ward.WardPreparations;
import org.openmilkbank.ward.WardPreparations.WardThaw;

/** The ward's form records, one per action. */
final class WardForms {

    private WardForms() {}

    /** Rows of syringes the divide form offers. */
    static final int SYRINGE_ROWS = 4;

    record ThawForm(
            @NotBlank @Size(max = 40) String din, @NotNull WardThaw method) {}

    record SyringeRow(
            @Size(max = 60) String infantCode, @Positive Integer volumeMl) {

        boolean blank() {
            return (infantCode == null || infantCode.isBlank()) && volumeMl == null;
        }
    }

    record DivideForm(
            @NotBlank @Size(max = 40) String din,
            List<@jakarta.validation.Valid SyringeRow> aliquots,
            @Size(max = 1000) String remainderReason) {

        /** The rows filled in, as the syringes to prepare. */
        List<WardPreparations.Syringe> syringes() {
            return aliquots == null
                    ? List.of()
                    : aliquots.stream()
                            .filter(row -> row != null && !row.blank())
                            .map(row -> new WardPreparations.Syringe(row.infantCode(), row.volumeMl()))
                            .toList();
        }

        static DivideForm blank(String din) {
            List<SyringeRow> rows = new ArrayList<>();
            for (int i = 0; i < SYRINGE_ROWS; i++) {
                rows.add(new SyringeRow(null, null));
            }
            return new DivideForm(din, rows, null);
        }
    }

    record CheckForm(
            @NotBlank @Size(max = 60) String infantCode,
            @NotBlank @Size(max = 60) String milkCode) {}

    record FeedForm(
            @NotBlank @Size(max = 60) String infantCode,
            @NotBlank @Size(max = 60) String milkCode,
            @NotNull @Positive Integer volumeMl,
            UUID nearMissId,
            @Size(max = 1000) String overrideReason,
            @Size(max = 100) String countersignUsername,
            @Size(max = 200) String countersignPassword) {

        /** The feed as the bedside check takes it, from the page and the API alike. */
        org.openmilkbank.ward.Bedside.FeedRequest request() {
            return new org.openmilkbank.ward.Bedside.FeedRequest(
                    infantCode,
                    milkCode,
                    volumeMl,
                    nearMissId,
                    overrideReason,
                    countersignUsername,
                    countersignPassword);
        }
    }
}
