package org.openmilkbank.storage.cold;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A storage unit on the cold work list: its last reading, the readings missed today and its excursions. */
public record ColdUnitRow(
        StorageUnitView unit,
        Instant lastReadAt,
        BigDecimal lastC,
        int readingsDueToday,
        List<ReadingSchedule.Slot> missed,
        Instant nextDue,
        UUID openExcursionId,
        ExcursionLevel openLevel,
        long alarmsToAcknowledge) {

    public boolean needsAttention() {
        return !missed.isEmpty() || openExcursionId != null || alarmsToAcknowledge > 0;
    }
}
