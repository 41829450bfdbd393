package org.openmilkbank.pasteurization;

import java.time.LocalDate;
import org.openmilkbank.standards.StandardProfile;

/** Expiry of pasteurised milk: months from the earliest expression (NICE, HMBANA) or from pasteurisation (Brazil). */
final class ShelfLife {

    private ShelfLife() {}

    static LocalDate expiresOn(LocalDate earliestExpression, LocalDate pasteurisedOn, StandardProfile profile) {
        LocalDate from = switch (profile.pasteurisedExpiryFrom()) {
            case EXPRESSION -> earliestExpression;
            case PASTEURISATION -> pasteurisedOn;
        };
        return from.plusMonths(profile.pasteurisedExpiryMonths());
    }
}
