package org.openmilkbank.lab.analyser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

class MappingAndCorrectionTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void convertsEnergyToKilocaloriesPerDecilitre() {
        assertThat(ReadingUnit.KJ_PER_DL.toStandard(new BigDecimal("290.0")))
                .isCloseTo(new BigDecimal("69.3117"), org.assertj.core.api.Assertions.within(new BigDecimal("0.0001")));
        assertThat(ReadingUnit.KCAL_PER_L.toStandard(new BigDecimal("690"))).isEqualByComparingTo("69");
        assertThat(ReadingUnit.KCAL_PER_DL.toStandard(new BigDecimal("69"))).isEqualByComparingTo("69");
        assertThat(ReadingUnit.G_PER_100ML.toStandard(new BigDecimal("3.5"))).isEqualByComparingTo("3.5");
    }

    @Test
    void appliesTheInstrumentsLinearCorrectionAfterTheUnit() {
        Reading fat = Reading.of(
                Nutrient.FAT,
                new BigDecimal("4.00"),
                ReadingUnit.G_PER_100ML,
                new Correction(new BigDecimal("0.79"), new BigDecimal("0.28")));
        assertThat(fat.raw()).isEqualByComparingTo("4.00");
        assertThat(fat.value()).isEqualByComparingTo("3.440");
    }

    @Property
    void aCorrectionInvertedGivesTheRawReadingBack(
            @ForAll @BigRange(min = "0.1", max = "10") @Scale(4) BigDecimal slope,
            @ForAll @BigRange(min = "-100", max = "100") @Scale(4) BigDecimal intercept,
            @ForAll @BigRange(min = "0", max = "200") @Scale(3) BigDecimal raw) {
        Correction correction = new Correction(slope, intercept);
        assertThat(correction.invert(correction.apply(raw))).isEqualByComparingTo(raw);
    }

    @Property
    void aUnitConvertedBackGivesTheReadingBack(
            @ForAll ReadingUnit unit, @ForAll @BigRange(min = "0", max = "5000") @Scale(3) BigDecimal raw) {
        assertThat(unit.fromStandard(unit.toStandard(raw)).setScale(3, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo(raw);
    }

    @Test
    void refusesAnEnergyUnitForFat() {
        InstrumentDetails d = AnalyserSamples.miris("A");
        List<ChannelDetails> channels = new ArrayList<>(d.channels());
        channels.set(0, AnalyserSamples.channel(Nutrient.FAT, "Fat", ReadingUnit.KCAL_PER_DL, "1", "0", "3", "4"));
        assertThatThrownBy(() -> Instrument.validated(withChannels(d, channels)))
                .isInstanceOf(RuleViolation.class)
                .extracting(
                        e -> ((RuleViolation) e).code(),
                        e -> ((RuleViolation) e).field().orElseThrow())
                .containsExactly("lab.analyser.instrument.unitDoesNotFit", "channels[0].unit");
    }

    @Test
    void refusesAnInstrumentWithoutACheckRange() {
        InstrumentDetails d = AnalyserSamples.miris("A");
        List<ChannelDetails> channels = new ArrayList<>(d.channels());
        channels.set(0, AnalyserSamples.channel(Nutrient.FAT, "Fat", ReadingUnit.G_PER_DL, "1", "0", null, null));
        assertThatThrownBy(() -> Instrument.validated(withChannels(d, channels)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("lab.analyser.instrument.noCheckRange");
    }

    @Test
    void refusesTheSameColumnForTwoValues() {
        InstrumentDetails d = AnalyserSamples.miris("A");
        List<ChannelDetails> channels = new ArrayList<>(d.channels());
        channels.set(
                1, AnalyserSamples.channel(Nutrient.TRUE_PROTEIN, "fat", ReadingUnit.G_PER_DL, "1", "0", null, null));
        assertThatThrownBy(() -> Instrument.validated(withChannels(d, channels)))
                .hasMessageContaining("lab.analyser.instrument.columnTwice");
    }

    @Test
    void refusesAFileWithoutAMappedColumn() {
        Instrument instrument = new Instrument(AnalyserSamples.miris("A"), "tech", NOW);
        assertThatThrownBy(() -> ColumnMapping.over(instrument, List.of("Sample ID", "Date/Time", "Fat"), ZONE))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("lab.analyser.file.missingColumns")
                .hasMessageContaining("True Protein; Carb; Energy");
    }

    @Test
    void readsARowWithColumnsInAnyOrderAndAnyCase() {
        Instrument instrument = new Instrument(AnalyserSamples.miris("A"), "tech", NOW);
        List<String> header = List.of("energy", "CARB", "true protein", "fat", "date/time", "sample id");
        ColumnMapping mapping = ColumnMapping.over(instrument, header, ZONE);
        List<RowError> errors = new ArrayList<>();
        Optional<ColumnMapping.Parsed> parsed = mapping.parse(
                row(2, "290", "7,1", "1.05", "4.00", "2026-12-01 08:30", "A000126000001X"), NOW, errors, header);
        assertThat(errors).isEmpty();
        ColumnMapping.Parsed p = parsed.orElseThrow();
        assertThat(p.sampleCode()).isEqualTo("A000126000001X");
        assertThat(p.measuredAt()).isEqualTo(Instant.parse("2026-12-01T01:30:00Z"));
        assertThat(p.readings().get(Nutrient.FAT).value()).isEqualByComparingTo("3.440");
        assertThat(p.readings().get(Nutrient.CARBOHYDRATE).value()).isEqualByComparingTo("7.1");
        assertThat(p.readings().get(Nutrient.ENERGY).value()).isEqualByComparingTo("69.312");
    }

    @Test
    void listsEveryProblemOfABadRow() {
        Instrument instrument = new Instrument(AnalyserSamples.miris("A"), "tech", NOW);
        List<String> header = List.of("Sample ID", "Date/Time", "Fat", "True Protein", "Carb", "Energy");
        ColumnMapping mapping = ColumnMapping.over(instrument, header, ZONE);
        List<RowError> errors = new ArrayList<>();
        assertThat(mapping.parse(row(5, "", "yesterday", "abc", "99", "=1+2", "1e3"), NOW, errors, header))
                .isEmpty();
        assertThat(errors)
                .extracting(RowError::row, RowError::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5, RowProblem.SAMPLE_ID_MISSING),
                        org.assertj.core.groups.Tuple.tuple(5, RowProblem.BAD_TIME),
                        org.assertj.core.groups.Tuple.tuple(5, RowProblem.NOT_A_NUMBER),
                        org.assertj.core.groups.Tuple.tuple(5, RowProblem.OUT_OF_RANGE),
                        org.assertj.core.groups.Tuple.tuple(5, RowProblem.FORMULA),
                        org.assertj.core.groups.Tuple.tuple(5, RowProblem.NOT_A_NUMBER));
    }

    @Test
    void refusesAMomentAfterNow() {
        Instrument instrument = new Instrument(AnalyserSamples.miris("A"), "tech", NOW);
        List<String> header = List.of("Sample ID", "Date/Time", "Fat", "True Protein", "Carb", "Energy");
        List<RowError> errors = new ArrayList<>();
        ColumnMapping.over(instrument, header, ZONE)
                .parse(row(2, "X", "2026-12-01T18:00:00+07:00", "3", "", "", ""), NOW, errors, header);
        assertThat(errors).extracting(RowError::problem).containsExactly(RowProblem.FUTURE_TIME);
    }

    @Test
    void aDayCountsOnlyByItsLatestCheck() {
        Instant morning = Instant.parse("2026-12-01T01:00:00Z");
        CheckGate gate = CheckGate.over(
                List.of(
                        new CheckGate.Check(morning, false),
                        new CheckGate.Check(morning.plusSeconds(3600), true),
                        new CheckGate.Check(morning.plusSeconds(86_400), false)),
                ZONE);
        assertThat(gate.decide(morning.plusSeconds(7200))).isEmpty();
        assertThat(gate.decide(morning.plusSeconds(86_400 + 60))).contains(NotCounted.CHECK_FAILED);
        assertThat(gate.decide(morning.plusSeconds(2 * 86_400))).contains(NotCounted.CHECK_MISSING);
    }

    private static AnalyserTable.Row row(int number, String... cells) {
        return new AnalyserTable.Row(
                number,
                java.util.Arrays.stream(cells)
                        .map(c ->
                                c.startsWith("=") ? new AnalyserTable.Cell(c, null, true) : AnalyserTable.Cell.text(c))
                        .toList());
    }

    private static InstrumentDetails withChannels(InstrumentDetails d, List<ChannelDetails> channels) {
        return new InstrumentDetails(
                d.name(), d.model(), d.serial(), d.sampleColumn(), d.timeColumn(), d.checkSampleId(), channels);
    }
}
