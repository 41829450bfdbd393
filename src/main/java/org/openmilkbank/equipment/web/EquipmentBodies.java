package org.openmilkbank.equipment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentStatus;
import org.openmilkbank.equipment.EquipmentView;
import org.openmilkbank.equipment.TestPoint;
import org.openmilkbank.shared.TextLimits;

/**
 * The records the equipment pages and the API both take. Times are the bank's local date and time (a page's
 * {@code datetime-local} input); none means now.
 */
final class EquipmentBodies {

    private EquipmentBodies() {}

    /** A new instrument, or an amendment of one (then with its reason; {@code inServiceFrom} is read only new). */
    record InstrumentBody(
            @Size(max = TextLimits.CODE) String code,
            EquipmentKind kind,
            @Size(max = TextLimits.NAME) String name,
            @Size(max = TextLimits.NAME) String model,
            @Size(max = TextLimits.NAME) String serial,
            @Size(max = TextLimits.NAME) String location,
            @Size(max = TextLimits.CODE) String parentCode,
            BigDecimal toleranceC,
            Integer intervalDays,
            LocalDateTime inServiceFrom,
            @Size(max = TextLimits.REASON) String reason) {

        static InstrumentBody blank() {
            return new InstrumentBody(null, null, null, null, null, null, null, null, null, null, null);
        }

        static InstrumentBody of(EquipmentView e, String parentCode) {
            return new InstrumentBody(
                    e.code(),
                    e.kind(),
                    e.name(),
                    e.model(),
                    e.serial(),
                    e.location(),
                    parentCode,
                    e.toleranceC(),
                    e.intervalDays(),
                    null,
                    null);
        }
    }

    record StatusBody(
            EquipmentStatus status,
            @Size(max = TextLimits.REASON) String reason) {}

    record PointBody(BigDecimal nominalC, BigDecimal referenceC, BigDecimal asFoundC, BigDecimal asLeftC) {

        TestPoint typed() {
            return new TestPoint(nominalC, referenceC, asFoundC, asLeftC);
        }
    }

    /** A calibration with its test points; blank rows are ignored. */
    record CalibrationBody(
            LocalDateTime performedAt,
            @Size(max = TextLimits.CODE) String referenceCode,
            @Size(max = TextLimits.LABEL) String referenceDescription,
            @Size(max = TextLimits.CODE) String certificateNumber,
            @Size(max = TextLimits.NAME) String certificateIssuer,
            LocalDate certificateValidUntil,
            @Size(max = 12) List<@Valid PointBody> points,
            @Size(max = TextLimits.NOTE) String note) {

        static final int ROWS = 3;

        CalibrationBody {
            points = points == null ? List.of() : points;
        }

        static CalibrationBody blank(List<BigDecimal> nominals) {
            List<PointBody> rows = new ArrayList<>();
            for (BigDecimal n : nominals) {
                rows.add(new PointBody(n, null, null, null));
            }
            return new CalibrationBody(null, null, null, null, null, null, rows, null);
        }

        /** The rows the form shows: what was typed, and at least {@link #ROWS}. */
        List<PointBody> rows(int extra) {
            List<PointBody> rows = new ArrayList<>(points);
            while (rows.size() < ROWS) {
                rows.add(new PointBody(null, null, null, null));
            }
            for (int i = 0; i < extra && rows.size() < 12; i++) {
                rows.add(new PointBody(null, null, null, null));
            }
            return rows;
        }
    }

    record VoidBody(
            UUID calibrationId,
            @Size(max = TextLimits.REASON) String reason) {}

    record RepairBody(
            LocalDateTime repairedAt,
            @Size(max = TextLimits.NOTE) String description) {}

    record StudyBody(
            LocalDateTime studiedAt,
            Integer bottleCount,
            Integer bottleVolumeMl,
            Integer preheatMinutes,
            @Size(max = TextLimits.CODE) String coldPointProbeCode,
            @Size(max = TextLimits.NOTE) String note) {

        static StudyBody blank() {
            return new StudyBody(null, null, null, null, null, null);
        }
    }

    record DeviationBody(
            UUID studyId,
            BigDecimal percent,
            @Size(max = TextLimits.NOTE) String note) {}
}
