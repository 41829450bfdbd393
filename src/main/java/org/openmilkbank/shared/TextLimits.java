package org.openmilkbank.shared;

/**
 * How long a typed text may be, one number per kind of text, used by every request and form record
 * ({@code @Size(max = TextLimits.REASON)}) and by the services that check it themselves. The database refuses
 * anything over {@link #DATABASE} in any free-text column (see {@code db/migration/afterMigrate.sql}), so these
 * limits must stay below it.
 */
public final class TextLimits {

    /** A reason for a correction, void, discard, hold, cancellation or recall; a closing summary. */
    public static final int REASON = 1000;

    /** A free note on a reception, a stop or a recall task. */
    public static final int NOTE = 1000;

    /** A person's given or family name, a driver, a collection point's name, a display name. */
    public static final int NAME = 100;

    /** A code or reference typed or scanned: a donor or infant code, a box code, a lab reference, a device. */
    public static final int CODE = 100;

    /** A short label: a ward, a test, an organism, a language, a consent scope. */
    public static final int LABEL = 200;

    /** A postal address. */
    public static final int ADDRESS = 500;

    /** A telephone number. */
    public static final int PHONE = 30;

    /** The database's limit for every free-text column; the same number as in {@code afterMigrate.sql}. */
    public static final int DATABASE = 4000;

    private TextLimits() {}
}
