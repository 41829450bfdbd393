package org.openmilkbank.reporting.dhis2;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The forms (and API bodies) of the DHIS2 settings. */
public final class Dhis2Forms {

    private Dhis2Forms() {}

    /**
     * The connection, set or amended; a blank password keeps the one stored. Amending asks for a reason.
     *
     * @param version the version read, so an amendment made meanwhile by someone else is not overwritten
     */
    public record ConnectionForm(
            @NotBlank @Size(max = 300) String baseUrl,
            @NotBlank @Size(max = 100) String username,
            @Size(max = 200) String password,
            @NotBlank @Size(max = 11) String orgUnit,
            @Size(max = 11) String dataSet,
            @Size(max = 11) String attributeOptionCombo,
            @Size(max = 500) String reason,
            Long version) {

        public static ConnectionForm of(Dhis2Connection c) {
            return c == null
                    ? new ConnectionForm(null, null, null, null, null, null, null, null)
                    : new ConnectionForm(
                            c.baseUrl(),
                            c.username(),
                            null,
                            c.orgUnit(),
                            c.dataSet(),
                            c.attributeOptionCombo(),
                            null,
                            c.version());
        }

        @Override
        public String toString() {
            return "ConnectionForm[" + baseUrl + ", " + username + ", password hidden]";
        }
    }

    /** A new mapping row: an indicator's breakdown (blank: its total) to a data element. */
    public record MappingForm(
            @NotBlank @Size(max = 100) String indicatorCode,
            @Size(max = 100) String breakdown,
            @NotBlank @Size(max = 11) String dataElement,
            @Size(max = 11) String categoryOptionCombo,
            @Size(max = 300) String adxDisaggregation) {

        public static MappingForm blank() {
            return new MappingForm(null, null, null, null, null);
        }
    }

    /** A mapping row amended (where its number goes), with why. */
    public record MappingAmendment(
            @NotBlank @Size(max = 11) String dataElement,
            @Size(max = 11) String categoryOptionCombo,
            @Size(max = 300) String adxDisaggregation,
            @NotBlank @Size(max = 500) String reason,
            Long version) {

        public static MappingAmendment of(Dhis2Mapping m) {
            return new MappingAmendment(
                    m.dataElement(), m.categoryOptionCombo(), m.adxDisaggregation(), null, m.version());
        }
    }

    /** A mapping row voided, with why. */
    public record VoidForm(@NotBlank @Size(max = 500) String reason) {}
}
