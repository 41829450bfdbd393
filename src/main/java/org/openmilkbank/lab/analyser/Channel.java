package org.openmilkbank.lab.analyser;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.Objects;

/** One nutrient of an instrument: column, unit, correction and the check sample's accepted range. */
@Embeddable
class Channel {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Nutrient nutrient;

    @Column(name = "column_name", nullable = false)
    private String column;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReadingUnit unit;

    @Column(nullable = false, precision = 9, scale = 4)
    private BigDecimal slope;

    @Column(nullable = false, precision = 9, scale = 4)
    private BigDecimal intercept;

    @Column(name = "check_min", precision = 9, scale = 3)
    private BigDecimal checkMin;

    @Column(name = "check_max", precision = 9, scale = 3)
    private BigDecimal checkMax;

    protected Channel() {}

    Channel(ChannelDetails d) {
        this.nutrient = d.nutrient();
        this.column = d.column();
        this.unit = d.unit();
        this.slope = d.slope();
        this.intercept = d.intercept();
        this.checkMin = d.checkMin();
        this.checkMax = d.checkMax();
    }

    Nutrient nutrient() {
        return nutrient;
    }

    String column() {
        return column;
    }

    ReadingUnit unit() {
        return unit;
    }

    Correction correction() {
        return new Correction(slope, intercept);
    }

    boolean hasCheckRange() {
        return checkMin != null && checkMax != null;
    }

    boolean inCheckRange(BigDecimal corrected) {
        return corrected != null && corrected.compareTo(checkMin) >= 0 && corrected.compareTo(checkMax) <= 0;
    }

    ChannelDetails details() {
        return new ChannelDetails(nutrient, column, unit, slope, intercept, checkMin, checkMax);
    }

    boolean sameAs(Channel other) {
        return other != null
                && nutrient == other.nutrient
                && column.equals(other.column)
                && unit == other.unit
                && slope.compareTo(other.slope) == 0
                && intercept.compareTo(other.intercept) == 0
                && same(checkMin, other.checkMin)
                && same(checkMax, other.checkMax);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
