package org.openmilkbank.reporting;

import java.math.BigDecimal;
import org.openmilkbank.reporting.LabDashboard.Published;
import org.openmilkbank.reporting.LabDashboard.PublishedRate;

/**
 * The rates other banks published, each with its source: what the lab dashboard shows its own rates beside. Kept
 * here as data, once, so the page, the API and the export show the same values and citations.
 */
final class PublishedLabRates {

    static final Published RATES = new Published(
            new PublishedRate(
                    new BigDecimal("6.4"),
                    "Clifford 2021, J Hum Lact: NICE criteria, 783 batches, 6.4 % failed before pasteurisation"),
            new PublishedRate(
                    new BigDecimal("0.3"),
                    "Clifford 2021, J Hum Lact: NICE criteria, 783 batches, 0.3 % failed after pasteurisation"),
            new PublishedRate(
                    new BigDecimal("18"),
                    "Dourados human milk bank (Brazil), 2018: about 18 % failed the Dornic acidity limit of 8 °D"));

    private PublishedLabRates() {}
}
