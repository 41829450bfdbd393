package org.openmilkbank.reporting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The lab's indicators over a period of months: contamination before pasteurisation (pools failing their
 * pre-culture) and after (sampled runs failing their post-culture), by month and by donor, Dornic failures of
 * containers checked, and the pools' mean energy and protein, beside the rates published elsewhere.
 */
public record LabDashboard(
        YearMonth from, YearMonth to, List<Month> months, Month total, List<DonorRate> donors, Published published) {

    /** One month (or the whole period) of results; a rate is {@code null} when nothing was judged. */
    public record Month(
            YearMonth month,
            int poolsCultured,
            int poolsFailed,
            int runsSampled,
            int runsFailed,
            int containersChecked,
            int dornicFailed,
            int poolsWithEnergy,
            BigDecimal meanKcalPerDl,
            int poolsWithProtein,
            BigDecimal meanProteinGPerDl) {

        @JsonProperty
        public BigDecimal preCultureFailedPercent() {
            return percent(poolsFailed, poolsCultured);
        }

        @JsonProperty
        public BigDecimal postCultureFailedPercent() {
            return percent(runsFailed, runsSampled);
        }

        @JsonProperty
        public BigDecimal dornicFailedPercent() {
            return percent(dornicFailed, containersChecked);
        }
    }

    /** A donor's pools cultured before pasteurisation in the period and how many of them failed. */
    public record DonorRate(UUID donorId, String donorCode, int pools, int failed) {
        @JsonProperty
        public BigDecimal failedPercent() {
            return percent(failed, pools);
        }
    }

    /** A rate published elsewhere, in percent, and where it was published (a citation, kept as written). */
    public record PublishedRate(BigDecimal percent, String source) {}

    /** The published rates each of the lab's own rates is shown beside. */
    public record Published(PublishedRate preCulture, PublishedRate postCulture, PublishedRate dornic) {}

    /** {@code part} of {@code whole} in percent to one decimal; {@code null} of nothing. */
    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
