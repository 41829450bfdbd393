package org.openmilkbank.ward;

/**
 * Why the bedside check stops a feed; each is a near miss's reason. Only a refusal marked overridable may be
 * overridden, and only where the bank's profile lists it ({@code bedside.override-reasons}) — never held or recalled
 * milk, expired milk or the wrong baby.
 */
public enum BedsideRefusal {
    /** The milk was prepared or dispensed for another infant. */
    WRONG_BABY(false),
    /** The infant has no order of donor milk in force today (none, cancelled, fulfilled, or outside its dates). */
    NO_ORDER(false),
    /** The milk was given out for no infant yet (taken from stock on the ward). */
    NOT_ISSUED(true),
    /** The infant's parents have not consented to donor milk. */
    NO_CONSENT(false),
    /** A frozen bottle: it is thawed first. */
    NOT_THAWED(false),
    /** Past its expiry date. */
    EXPIRED(false),
    /** Its thaw (or warming) clock has run out. */
    THAW_CLOCK_OVER(false),
    /** On hold (a culture, a donor's block, a freezer excursion …). */
    HELD(false),
    /** Recalled. */
    RECALLED(false),
    /** This syringe or bottle was fed already. */
    ALREADY_FED(false),
    /** The bottle was divided into syringes: the syringes are fed. */
    DIVIDED(false),
    /** The safety gate refused it for a reason of its own (a time that cannot be true). */
    GATE_REFUSED(false);

    private final boolean overridable;

    BedsideRefusal(boolean overridable) {
        this.overridable = overridable;
    }

    public boolean overridable() {
        return overridable;
    }
}
