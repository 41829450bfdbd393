package org.openmilkbank.equipment;

import java.time.LocalDate;
import java.util.List;

/**
 * What needs the lab's attention today: calibrations overdue (or never made), due within {@code withinDays}, instruments
 * out of tolerance and instruments out of service; retired instruments are not listed.
 */
public record EquipmentWorkList(
        LocalDate today,
        int withinDays,
        List<InstrumentRow> overdue,
        List<InstrumentRow> dueSoon,
        List<InstrumentRow> outOfTolerance,
        List<InstrumentRow> outOfService) {}
