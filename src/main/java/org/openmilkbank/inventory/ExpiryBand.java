package org.openmilkbank.inventory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How soon released milk expires, as the home page's stock card counts it: 0-7 days, 8-30 days, later. */
public enum ExpiryBand {
    THIS_WEEK,
    THIS_MONTH,
    LATER;

    static ExpiryBand of(LocalDate expiresOn, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, expiresOn);
        return days <= 7 ? THIS_WEEK : days <= 30 ? THIS_MONTH : LATER;
    }
}
