package org.openmilkbank.processing.web;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.openmilkbank.shared.TextLimits;

/**
 * The new-pool page as typed: the DINs scanned so far ({@code dins}), the one being scanned ({@code scan}) and the
 * time the pool was made as typed ({@code madeAt}, a local date and time; empty means now). A refusal keeps them all.
 */
record PoolForm(
        List<@Size(max = TextLimits.CODE) String> dins,
        @Size(max = TextLimits.CODE) String scan,
        @Size(max = 40) String madeAt) {

    PoolForm {
        dins = dins == null
                ? List.of()
                : dins.stream()
                        .filter(d -> d != null && !d.isBlank())
                        .map(String::strip)
                        .toList();
        scan = scan == null ? null : scan.strip();
        madeAt = madeAt == null ? "" : madeAt.strip();
    }

    static PoolForm blank() {
        return new PoolForm(List.of(), null, null);
    }

    /** The list with the scanned DIN added at its end. */
    List<String> withScan() {
        List<String> next = new java.util.ArrayList<>(dins);
        next.add(scan == null ? "" : scan);
        return next;
    }
}
