package org.openmilkbank.lab;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;

/**
 * A sample taken from one milk unit for one purpose. Guards its reads: a read without growth before the profile's
 * minimum incubation is refused, a judged sample changes only by amendment with a reason, and an amendment may not
 * turn its verdict (milk already moved on by it is recalled instead).
 */
@Entity
@Table(name = "lab_sample")
class LabSample {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(name = "unit_id", nullable = false)
    private UUID unitId;

    @Column(name = "unit_kind", nullable = false)
    private String unitKind;

    @Column(name = "unit_label", nullable = false)
    private String unitLabel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SamplePurpose purpose;

    @Column(name = "procedure_code", nullable = false)
    private String procedureCode;

    @Column(name = "procedure_version", nullable = false)
    private int procedureVersion = 1;

    @Column(name = "procedure_profile_code")
    private String procedureProfileCode;

    @Enumerated(EnumType.STRING)
    private CultureMedium medium;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Column(name = "taken_by", nullable = false)
    private String takenBy;

    @Column(name = "incubation_started_at")
    private Instant incubationStartedAt;

    @Column(name = "incubation_temperature_c", precision = 4, scale = 1)
    private BigDecimal incubationTemperatureC;

    @Column(name = "profile_code")
    private String profileCode;

    @Enumerated(EnumType.STRING)
    private SampleView.Verdict verdict;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "verdict_code")
    private String verdictCode;

    @Column(name = "judged_at")
    private Instant judgedAt;

    @Column(name = "judged_by")
    private String judgedBy;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "sample_id", insertable = false, updatable = false)
    @OrderBy("recordedAt")
    private List<CultureRead> reads = new ArrayList<>();

    @Version
    private long version;

    protected LabSample() {}

    /** A sample taken at {@code takenAt}, its incubation started then or later; neither may be in the future. */
    static LabSample take(
            Din code,
            SampledUnit unit,
            SamplePurpose purpose,
            CultureMedium medium,
            Instant takenAt,
            Instant incubationStartedAt,
            String by,
            Instant now) {
        if (purpose == null) {
            throw new RuleViolation("lab.culture.sample.purposeRequired").on("purpose");
        }
        if (takenAt.isAfter(now)) {
            throw new RuleViolation("lab.culture.sample.takenInFuture", takenAt).on("takenAt");
        }
        Instant incubation = incubationStartedAt == null ? takenAt : incubationStartedAt;
        if (incubation.isBefore(takenAt)) {
            throw new RuleViolation("lab.culture.sample.incubationBeforeTaken", incubation, takenAt)
                    .on("incubationStartedAt");
        }
        if (incubation.isAfter(now)) {
            throw new RuleViolation("lab.culture.sample.incubationInFuture", incubation).on("incubationStartedAt");
        }
        LabSample sample = new LabSample();
        sample.id = UUID.randomUUID();
        sample.code = code.value();
        sample.unitId = unit.id();
        sample.unitKind = unit.kind();
        sample.unitLabel = unit.label();
        sample.purpose = purpose;
        sample.procedureCode = purpose.procedure();
        sample.medium = medium;
        sample.takenAt = takenAt;
        sample.takenBy = by;
        sample.incubationStartedAt = incubation;
        return sample;
    }

    /** Which version of its procedure, under which profile, the sample was taken by. */
    LabSample followed(String profileCode, int version) {
        if (version < 1) {
            throw new IllegalArgumentException("a procedure version starts at 1: " + version);
        }
        procedureProfileCode = profileCode;
        procedureVersion = version;
        return this;
    }

    /**
     * Records the temperature the plates incubate at: the one typed, or the profile's when none was. A temperature
     * further from the profile's than its tolerance is refused on {@code incubationTemperatureC}.
     */
    LabSample incubatedAt(BigDecimal typed, StandardProfile profile) {
        BigDecimal expected = profile.cultureIncubationTemperatureC();
        BigDecimal tolerance = profile.cultureIncubationToleranceC();
        BigDecimal t = typed == null ? expected : typed;
        if (t.subtract(expected).abs().compareTo(tolerance) > 0) {
            throw new RuleViolation(
                            "lab.culture.sample.temperatureOutOfRange",
                            t,
                            expected.subtract(tolerance),
                            expected.add(tolerance),
                            profile.code())
                    .on("incubationTemperatureC");
        }
        incubationTemperatureC = t.setScale(1, RoundingMode.HALF_UP);
        return this;
    }

    BigDecimal incubationTemperatureC() {
        return incubationTemperatureC;
    }

    int procedureVersion() {
        return procedureVersion;
    }

    /**
     * Records a read and judges the sample by the profile. A read that passes before the minimum incubation is
     * refused on {@code readAt}: growth may show later. A read before the incubation started or in the future is
     * refused too.
     */
    CultureVerdict.Result read(
            List<CultureCount> counts, Instant readAt, StandardProfile profile, String by, Instant now) {
        return read(counts, readAt, profile, by, now, null, 0);
    }

    /** As an entered read, the read coming from row {@code row} of the imported file {@code importId}. */
    CultureVerdict.Result read(
            List<CultureCount> counts,
            Instant readAt,
            StandardProfile profile,
            String by,
            Instant now,
            UUID importId,
            int row) {
        if (verdict != null) {
            throw new RuleViolation("lab.culture.alreadyJudged", displayCode(), Said.label(verdict));
        }
        Instant at = readAt == null ? now : readAt;
        if (at.isAfter(now)) {
            throw new RuleViolation("lab.culture.read.inFuture", at).on("readAt");
        }
        if (at.isBefore(incubationStartedAt)) {
            throw new RuleViolation("lab.culture.read.beforeIncubation", at, incubationStartedAt).on("readAt");
        }
        CultureVerdict.Result result = CultureVerdict.judge(purpose, counts, profile);
        Instant readable = readableFrom(profile);
        if (result.passed() && at.isBefore(readable)) {
            long hours = Duration.between(incubationStartedAt, at).toHours();
            throw new RuleViolation(
                            "lab.culture.read.tooEarly",
                            hours,
                            profile.cultureMinIncubationHours(),
                            readable,
                            profile.code())
                    .on("readAt");
        }
        CultureRead read = new CultureRead(id, counts, at, by, now, null, null);
        reads.add(importId == null ? read : read.imported(importId, row));
        judge(result, profile, by, now);
        return result;
    }

    /**
     * Corrects the standing read: a new read with the reason supersedes it. The verdict may not turn: a result
     * that would now pass or fail the other way is a recall of the milk it moved on, not a correction.
     */
    CultureVerdict.Result amend(
            List<CultureCount> counts, String reason, StandardProfile profile, String by, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("lab.culture.amend.reasonRequired").on("reason");
        }
        CultureRead current = currentRead();
        if (current == null || verdict == null) {
            throw new RuleViolation("lab.culture.amend.nothingToAmend", displayCode());
        }
        CultureVerdict.Result result = CultureVerdict.judge(purpose, counts, profile);
        if (result.passed() != (verdict == SampleView.Verdict.PASS)) {
            throw new RuleViolation("lab.culture.amend.verdictWouldTurn", displayCode(), Said.label(verdict))
                    .on("counts");
        }
        current.supersede();
        reads.add(new CultureRead(id, counts, current.readAt(), by, now, current, reason.strip()));
        verdictCode = result.passed() ? null : Said.toJson(result.failures());
        return result;
    }

    private void judge(CultureVerdict.Result result, StandardProfile profile, String by, Instant now) {
        verdict = result.passed() ? SampleView.Verdict.PASS : SampleView.Verdict.FAIL;
        verdictCode = result.passed() ? null : Said.toJson(result.failures());
        profileCode = profile.code();
        judgedAt = now;
        judgedBy = by;
    }

    /** When a read without growth may first be made. */
    Instant readableFrom(StandardProfile profile) {
        return incubationStartedAt.plus(Duration.ofHours(profile.cultureMinIncubationHours()));
    }

    private CultureRead currentRead() {
        CultureRead current = null;
        for (CultureRead r : reads) {
            if (!r.superseded()) {
                current = r;
            }
        }
        return current;
    }

    String displayCode() {
        return Din.parse(code).withCheck();
    }

    UUID id() {
        return id;
    }

    UUID unitId() {
        return unitId;
    }

    SamplePurpose purpose() {
        return purpose;
    }

    Instant takenAt() {
        return takenAt;
    }

    String unitLabel() {
        return unitLabel;
    }

    SampleView.Verdict verdict() {
        return verdict;
    }

    List<CultureCount> currentCounts() {
        CultureRead current = currentRead();
        return current == null ? List.of() : current.counts();
    }

    SampleView view(StandardProfile profile) {
        return new SampleView(
                id,
                code,
                displayCode(),
                unitId,
                unitKind,
                unitLabel,
                purpose,
                procedureCode,
                procedureVersion,
                procedureProfileCode,
                medium,
                takenAt,
                takenBy,
                incubationStartedAt,
                incubationTemperatureC,
                readableFrom(profile),
                profileCode,
                verdict,
                Said.listFromJson(verdictCode),
                judgedAt,
                judgedBy,
                reads.stream().map(CultureRead::view).toList());
    }
}
