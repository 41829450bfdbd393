package org.openmilkbank.traceability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.SerologyOutcome;

/**
 * The rows of a trace, a look-back and a lineage, read from the one walk over the milk's links. Units are named by
 * their DIN (with its check character) or their code, never by an internal id.
 */
public final class Traced {

    private Traced() {}

    /** Where a trace started. */
    public enum OriginKind {
        CONTAINER,
        POOL,
        RUN,
        BOTTLE,
        ALIQUOT,
        SAMPLE,
        DONOR,
        INFANT
    }

    public record Origin(OriginKind kind, UUID id, String label, String state) {}

    /** {@code name} only for clinical readers (see {@link DonorPrivacy}). */
    public record Donor(UUID id, String donorCode, String name) {}

    public record Infant(UUID id, String infantCode, String name, String ward) {}

    /**
     * One unit of milk with its lifecycle state (read from its module's view) and the active holds that keep it out
     * of use (its own, its ancestors', donor windows over its containers).
     *
     * @param parents the labels of the units it was made from; {@code children} what was made from it
     */
    public record Unit(
            UUID id,
            MilkUnitKind kind,
            String label,
            String state,
            UUID donorId,
            String donorCode,
            LocalDate expressedOn,
            Integer volumeMl,
            LocalDate expiresOn,
            Instant createdAt,
            List<String> parents,
            List<String> children,
            List<Hold> holds) {

        public boolean held() {
            return !holds.isEmpty();
        }

        /** The bundle that names this kind's states ({@code collection.state.RAW_FROZEN}, …). */
        public String stateKey() {
            if (state == null) {
                return null;
            }
            String bundle = switch (kind) {
                case CONTAINER -> "collection";
                case POOL -> "processing";
                case RUN -> "pasteurization";
                default -> "inventory";
            };
            return bundle + ".state." + state;
        }
    }

    /** Units by kind, each list in the order of the walk's result (by label). */
    public record Units(List<Unit> containers, List<Unit> pools, List<Unit> runs, List<Unit> bottles) {

        static Units of(List<Unit> units) {
            return new Units(
                    units.stream()
                            .filter(u -> u.kind() == MilkUnitKind.CONTAINER)
                            .toList(),
                    units.stream().filter(u -> u.kind() == MilkUnitKind.POOL).toList(),
                    units.stream().filter(u -> u.kind() == MilkUnitKind.RUN).toList(),
                    units.stream()
                            .filter(u -> u.kind() == MilkUnitKind.BOTTLE || u.kind() == MilkUnitKind.ALIQUOT)
                            .toList());
        }

        public List<Unit> all() {
            return Stream.of(containers, pools, runs, bottles)
                    .flatMap(List::stream)
                    .toList();
        }

        /** What was made from containers: pools, runs, bottles. */
        public List<Unit> processed() {
            return Stream.of(pools, runs, bottles).flatMap(List::stream).toList();
        }

        public int size() {
            return containers.size() + pools.size() + runs.size() + bottles.size();
        }
    }

    /** A unit dispensed to or fed to an infant. */
    public record Feed(
            UUID infantId,
            String infantCode,
            String infantName,
            String ward,
            UUID unitId,
            String unitLabel,
            MilkEventType type,
            Instant at,
            String by) {}

    /**
     * A hold as the reader may see it: its neutral reason code ({@code hold.reason.<code>}, rendered in the reader's
     * language with {@code on} as its argument) and, for clinical readers only, the clinical record behind it.
     *
     * @param on the held unit's label, or the donor's code for a donor window
     * @param endReason the words of whoever ended it; only for clinical readers when the hold rests on a clinical record
     * @param reasonArg the reason's own argument (the sampled run a run rests on), or {@code null}
     */
    public record Hold(
            UUID id,
            HoldKind kind,
            HoldScope scope,
            String on,
            String reasonCode,
            LocalDate windowFrom,
            LocalDate windowTo,
            Instant placedAt,
            String placedBy,
            boolean active,
            Instant endedAt,
            String endedBy,
            String endReason,
            HoldOutcome outcome,
            ClinicalDetail detail,
            Object reasonArg) {

        public String reasonKey() {
            return "hold.reason." + reasonCode;
        }
    }

    /** Behind a donor's hold: the serology result (test, outcome, sample date) or the deferral (category, words). */
    public record ClinicalDetail(
            String test, SerologyOutcome outcome, LocalDate sampleDate, DeferralCategory category, String words) {}
}
