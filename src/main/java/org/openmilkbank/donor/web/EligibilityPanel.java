package org.openmilkbank.donor.web;

import java.time.LocalDate;
import java.util.List;
import org.openmilkbank.donor.DonorStatus;
import org.openmilkbank.donor.Eligibility;
import org.openmilkbank.donor.MilkAcceptance;
import org.openmilkbank.shared.web.Messages;

/** An eligibility with its reasons translated for the person reading the page or the API answer. */
record EligibilityPanel(
        boolean eligible,
        LocalDate asOf,
        DonorStatus status,
        LocalDate deferredUntil,
        MilkAcceptance acceptance,
        List<Reason> reasons) {

    record Reason(String code, List<Object> args, String message) {}

    static EligibilityPanel of(Eligibility eligibility, Messages messages) {
        return new EligibilityPanel(
                eligibility.eligible(),
                eligibility.asOf(),
                eligibility.status(),
                eligibility.deferredUntil(),
                eligibility.acceptance(),
                eligibility.reasons().stream()
                        .map(r -> new Reason(
                                r.code(),
                                r.args(),
                                messages.get(r.code(), r.args().toArray())))
                        .toList());
    }
}
