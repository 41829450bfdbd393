package org.openmilkbank.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

class StockBandsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

    @Test
    void bandsByDaysLeftAsTheHomePageCountsThem() {
        assertThat(ExpiryBand.of(TODAY, TODAY)).isEqualTo(ExpiryBand.THIS_WEEK);
        assertThat(ExpiryBand.of(TODAY.plusDays(7), TODAY)).isEqualTo(ExpiryBand.THIS_WEEK);
        assertThat(ExpiryBand.of(TODAY.plusDays(8), TODAY)).isEqualTo(ExpiryBand.THIS_MONTH);
        assertThat(ExpiryBand.of(TODAY.plusDays(30), TODAY)).isEqualTo(ExpiryBand.THIS_MONTH);
        assertThat(ExpiryBand.of(TODAY.plusDays(31), TODAY)).isEqualTo(ExpiryBand.LATER);
    }

    @Test
    void classesEnergyInKcalPerDlByTheProfilesBoundsInKcalPerL() {
        Map<Parameter, String> v = new EnumMap<>(Parameter.class);
        v.put(Parameter.RAW_QC_HYPOCALORIC_BELOW, "580");
        v.put(Parameter.RAW_QC_HYPERCALORIC_ABOVE, "711");
        StandardProfile p = StandardProfile.of("BRAZIL", "Brazil", v);
        assertThat(EnergyClass.of(new BigDecimal("57.9"), p)).isEqualTo(EnergyClass.HYPOCALORIC);
        assertThat(EnergyClass.of(new BigDecimal("58.0"), p)).isEqualTo(EnergyClass.NORMOCALORIC);
        assertThat(EnergyClass.of(new BigDecimal("71.1"), p)).isEqualTo(EnergyClass.NORMOCALORIC);
        assertThat(EnergyClass.of(new BigDecimal("71.2"), p)).isEqualTo(EnergyClass.HYPERCALORIC);
        assertThat(EnergyClass.of(null, p)).isEqualTo(EnergyClass.NOT_ANALYSED);
    }
}
