package org.openmilkbank.shared;

import java.util.Comparator;

/**
 * A person's name as every page, API, export and PDF shows it: the one place given and family names are put
 * together, in the bank's order, separated by a space, never a comma. A missing part is left out.
 */
public record PersonName(String given, String family) {

    /** Sorting by name: family name first, then given name, whatever the display order. */
    public static final Comparator<PersonName> BY_FAMILY = Comparator.comparing(
                    (PersonName n) -> n.family() == null ? "" : n.family(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(n -> n.given() == null ? "" : n.given(), String.CASE_INSENSITIVE_ORDER);

    public PersonName {
        given = clean(given);
        family = clean(family);
    }

    /** The name in the bank's order; null when neither part is known. */
    public static String of(String given, String family, NameOrder order) {
        return new PersonName(given, family).shown(order);
    }

    public String shown(NameOrder order) {
        if (given == null) {
            return family;
        }
        if (family == null) {
            return given;
        }
        return order == NameOrder.FAMILY_FIRST ? family + " " + given : given + " " + family;
    }

    private static String clean(String part) {
        return part == null || part.isBlank() ? null : part.strip();
    }
}
