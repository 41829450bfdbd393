package org.openmilkbank.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.StandardProfile;

/**
 * One shipment of milk in a box, from the donor or collection point to the bank: its departure and arrival
 * readings and the cold-chain verdict given on arrival, which is kept as it was given.
 */
@Entity
@Table(name = "transport_box")
class TransportBox {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._/-]{0,39}");
    /** Readings outside this range are typing or probe errors, not temperatures of a milk box. */
    static final BigDecimal MIN_PLAUSIBLE_C = new BigDecimal("-90");

    static final BigDecimal MAX_PLAUSIBLE_C = new BigDecimal("45");
    private static final String REASON_SEPARATOR = "\n";
    private static final String ARG_SEPARATOR = "\u001f";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String code;

    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "origin_point_id")
    private UUID originPointId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransportMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BoxState state;

    @Column(name = "departed_at")
    private Instant departedAt;

    @Column(name = "departure_temp_c", precision = 4, scale = 1)
    private BigDecimal departureTempC;

    @Column(name = "arrived_at")
    private Instant arrivedAt;

    @Column(name = "arrival_temp_c", precision = 4, scale = 1)
    private BigDecimal arrivalTempC;

    @Enumerated(EnumType.STRING)
    private IndicatorState indicator;

    @Column(name = "seal_intact")
    private Boolean sealIntact;

    @Column(name = "cold_chain_intact")
    private Boolean coldChainIntact;

    @Column(name = "cold_chain_reasons")
    private String coldChainReasons;

    @Column(name = "profile_code")
    private String profileCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private long version;

    protected TransportBox() {}

    /** A box taken on a run; it leaves once milk is packed in it. */
    static TransportBox planned(String code, UUID runId, TransportMode mode, String by, Instant now) {
        TransportBox box = create(code, mode, by, now);
        box.runId = runId;
        box.state = BoxState.PLANNED;
        return box;
    }

    /** A box sent from a collection point on its own (courier, hospital transport). */
    static TransportBox dispatched(
            String code,
            UUID originPointId,
            TransportMode mode,
            Instant departedAt,
            BigDecimal tempC,
            String by,
            Instant now) {
        TransportBox box = create(code, mode, by, now);
        box.originPointId = originPointId;
        box.state = BoxState.PLANNED;
        box.depart(departedAt, tempC, now);
        return box;
    }

    private static TransportBox create(String code, TransportMode mode, String by, Instant now) {
        TransportBox box = new TransportBox();
        box.id = UUID.randomUUID();
        box.code = normalise(code);
        box.mode = mode == null ? TransportMode.FROZEN : mode;
        box.createdAt = now;
        box.createdBy = by;
        return box;
    }

    /** The code as scanned: whitespace removed, upper case; refused when a scanner could not have read it. */
    static String normalise(String code) {
        if (code == null || code.isBlank()) {
            throw new RuleViolation("logistics.box.codeRequired").on("code");
        }
        String c = code.replaceAll("\\s", "").toUpperCase();
        if (!CODE.matcher(c).matches()) {
            throw new RuleViolation("logistics.box.codeInvalid", code.strip()).on("code");
        }
        return c;
    }

    void depart(Instant at, BigDecimal tempC, Instant now) {
        if (state != BoxState.PLANNED) {
            throw new RuleViolation("logistics.box.alreadyDeparted", code, state);
        }
        if (at == null) {
            throw new RuleViolation("logistics.box.departureTimeRequired").on("departedAt");
        }
        if (at.isAfter(now)) {
            throw new RuleViolation("logistics.box.timeInFuture").on("departedAt");
        }
        departureTempC = plausible(tempC);
        departedAt = at;
        state = BoxState.IN_TRANSIT;
    }

    ColdChainVerdict arrive(BoxArrival arrival, StandardProfile profile, Instant now) {
        switch (state) {
            case PLANNED -> throw new RuleViolation("logistics.box.notDeparted", code);
            case ARRIVED -> throw new RuleViolation("logistics.box.alreadyArrived", code);
            case CANCELLED -> throw new RuleViolation("logistics.box.cancelled", code);
            case IN_TRANSIT -> {}
        }
        if (arrival == null || arrival.indicator() == null) {
            throw new RuleViolation("logistics.box.indicatorRequired").on("indicator");
        }
        if (arrival.sealIntact() == null) {
            throw new RuleViolation("logistics.box.sealRequired").on("sealIntact");
        }
        BigDecimal temp = plausible(arrival.temperatureC());
        Instant at = arrival.arrivedAt() == null ? now : arrival.arrivedAt();
        if (at.isAfter(now)) {
            throw new RuleViolation("logistics.box.timeInFuture").on("arrivedAt");
        }
        if (at.isBefore(departedAt)) {
            throw new RuleViolation("logistics.box.arrivalBeforeDeparture").on("arrivedAt");
        }
        ColdChainVerdict verdict = new ColdChainPolicy(profile)
                .assess(new ColdChainPolicy.Journey(
                        mode, departedAt, departureTempC, at, temp, arrival.indicator(), arrival.sealIntact()));
        arrivalTempC = temp;
        arrivedAt = at;
        indicator = arrival.indicator();
        sealIntact = arrival.sealIntact();
        coldChainIntact = verdict.intact();
        coldChainReasons = encode(verdict.reasons());
        profileCode = profile.code();
        state = BoxState.ARRIVED;
        return verdict;
    }

    void cancel() {
        if (state != BoxState.PLANNED) {
            throw new RuleViolation("logistics.box.alreadyDeparted", code, state);
        }
        state = BoxState.CANCELLED;
    }

    private static BigDecimal plausible(BigDecimal tempC) {
        if (tempC == null) {
            throw new RuleViolation("logistics.box.temperatureRequired").on("temperatureC");
        }
        if (tempC.compareTo(MIN_PLAUSIBLE_C) < 0 || tempC.compareTo(MAX_PLAUSIBLE_C) > 0) {
            throw new RuleViolation(
                            "logistics.box.temperatureImplausible",
                            tempC.toPlainString(),
                            MIN_PLAUSIBLE_C,
                            MAX_PLAUSIBLE_C)
                    .on("temperatureC");
        }
        if (tempC.stripTrailingZeros().scale() > 1) {
            throw new RuleViolation("logistics.box.temperaturePrecision", tempC.toPlainString()).on("temperatureC");
        }
        return tempC.setScale(1, RoundingMode.UNNECESSARY);
    }

    private static String encode(List<ColdChainReason> reasons) {
        if (reasons.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (ColdChainReason r : reasons) {
            List<String> parts = new ArrayList<>();
            parts.add(r.code());
            r.args().forEach(a -> parts.add(String.valueOf(a)));
            lines.add(String.join(ARG_SEPARATOR, parts));
        }
        return String.join(REASON_SEPARATOR, lines);
    }

    private static List<ColdChainReason> decode(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(REASON_SEPARATOR))
                .map(line -> {
                    String[] parts = line.split(ARG_SEPARATOR, -1);
                    return new ColdChainReason(parts[0], List.<Object>of(Arrays.copyOfRange(parts, 1, parts.length)));
                })
                .toList();
    }

    UUID id() {
        return id;
    }

    String code() {
        return code;
    }

    UUID runId() {
        return runId;
    }

    BoxState state() {
        return state;
    }

    BoxView view() {
        ColdChainVerdict verdict =
                coldChainIntact == null ? null : new ColdChainVerdict(coldChainIntact, decode(coldChainReasons));
        return new BoxView(
                id,
                code,
                runId,
                originPointId,
                mode,
                state,
                departedAt,
                departureTempC,
                arrivedAt,
                arrivalTempC,
                indicator,
                sealIntact,
                verdict,
                profileCode);
    }
}
