package org.openmilkbank.dispensing.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import tools.jackson.databind.json.JsonMapper;

/** One unused bottle the ward sent back for an order, and what the cold-chain rule made of it. Append-only (V191). */
@Entity
@Table(name = "milk_order_return")
class BottleReturn {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Column(name = "bottle_id", nullable = false)
    private UUID bottleId;

    @Column(name = "returned_at", nullable = false)
    private Instant returnedAt;

    @Column(name = "returned_by", nullable = false)
    private String returnedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReturnReason reason;

    private String note;

    @Column(name = "arrival_temperature_c", nullable = false)
    private BigDecimal arrivalTemperatureC;

    @Column(nullable = false)
    private String outcome;

    /** The refusals' codes as a JSON array; empty when the bottle went back into stock. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "discard_reasons", nullable = false)
    private String discardReasons;

    protected BottleReturn() {}

    BottleReturn(
            UUID orderId,
            UUID bottleId,
            Instant at,
            String actor,
            ReturnReason reason,
            String note,
            BigDecimal arrivalTemperatureC,
            List<ReturnRefusal> refusals) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.bottleId = bottleId;
        this.returnedAt = at;
        this.returnedBy = actor;
        this.reason = reason;
        this.note = note;
        this.arrivalTemperatureC = arrivalTemperatureC;
        this.outcome = refusals.isEmpty() ? "STOCK" : "DISCARDED";
        this.discardReasons = JSON.writeValueAsString(refusals);
    }

    ReturnView view(String din, int volumeMl) {
        List<ReturnRefusal> refusals = List.of(JSON.readValue(discardReasons, ReturnRefusal[].class));
        return new ReturnView(
                bottleId, din, volumeMl, returnedAt, returnedBy, reason, note, arrivalTemperatureC, refusals);
    }

    UUID bottleId() {
        return bottleId;
    }
}
