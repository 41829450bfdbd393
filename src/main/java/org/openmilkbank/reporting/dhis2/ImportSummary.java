package org.openmilkbank.reporting.dhis2;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What DHIS2 said of an import: its status ({@code SUCCESS}, {@code WARNING}, {@code ERROR}), the counts, and each
 * conflict (the object refused and DHIS2's words why). Read from the WebMessage that wraps it (DHIS2 2.36 and
 * later: {@code {"status":…, "response": {"responseType":"ImportSummary", …}}}) or from a bare summary (older
 * servers).
 */
public record ImportSummary(
        String status,
        String description,
        int imported,
        int updated,
        int ignored,
        int deleted,
        List<Conflict> conflicts) {

    public ImportSummary {
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    /**
     * One value refused: {@code object} is what DHIS2 did not take (a data element's UID …), {@code value} why,
     * {@code indexes} the positions of the values it is about in the data value set sent (newer servers say so).
     */
    public record Conflict(String object, String value, String errorCode, List<Integer> indexes) {
        public Conflict {
            indexes = indexes == null ? List.of() : List.copyOf(indexes);
        }
    }

    /** The summary in a DHIS2 answer, or empty when the answer holds none. */
    public static Optional<ImportSummary> in(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode summary = root.path("response").isObject() ? root.path("response") : root;
        if (!summary.path("importCount").isObject() && !summary.has("conflicts")) {
            return Optional.empty();
        }
        JsonNode count = summary.path("importCount");
        List<Conflict> conflicts = new ArrayList<>();
        for (JsonNode c : summary.path("conflicts")) {
            String object = c.path("object").asString("");
            if (object.isEmpty() && c.path("objects").isObject()) {
                object = String.join(
                        ", ",
                        c.path("objects").values().stream()
                                .map(JsonNode::asString)
                                .toList());
            }
            List<Integer> indexes = new ArrayList<>();
            for (JsonNode i : c.path("indexes")) {
                if (i.isIntegralNumber()) {
                    indexes.add(i.asInt());
                }
            }
            conflicts.add(new Conflict(
                    object,
                    c.path("value").asString(""),
                    c.path("errorCode").isMissingNode()
                            ? null
                            : c.path("errorCode").asString(null),
                    indexes));
        }
        // the WebMessage's words say more than the summary's ("One more conflicts encountered …")
        String description = root != summary ? root.path("message").asString(null) : null;
        if (description == null) {
            description = summary.path("description").asString(null);
        }
        return Optional.of(new ImportSummary(
                summary.path("status").asString(root.path("status").asString("")),
                description,
                count.path("imported").asInt(0),
                count.path("updated").asInt(0),
                count.path("ignored").asInt(0),
                count.path("deleted").asInt(0),
                conflicts));
    }
}
