package org.openmilkbank.reporting.dhis2;

/** How a push to DHIS2 (dry run or real) ended ({@code enum.PushStatus.<VALUE>}). */
public enum PushStatus {
    /** DHIS2 took every value (or, in a dry run, would take every value). */
    SUCCESS,
    /** DHIS2 took some values and ignored others: see the conflicts. */
    WARNING,
    /** DHIS2 refused the import as a whole. */
    ERROR,
    /** DHIS2 answered 409: values refused, e.g. a data element it does not know. */
    CONFLICTS,
    /** DHIS2 did not accept the user name and password. */
    UNAUTHORIZED,
    /** The DHIS2 user may not write these values. */
    FORBIDDEN,
    /** No DHIS2 API at that address. */
    NOT_FOUND,
    /** DHIS2 failed on its side (a 5xx answer). */
    SERVER_ERROR,
    /** The answer was not DHIS2's import summary (a login page, a proxy's page …). */
    NOT_JSON,
    /** The server could not be reached in time. */
    UNREACHABLE;

    public boolean succeeded() {
        return this == SUCCESS;
    }
}
