package org.openmilkbank.lab.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.openmilkbank.lab.ProcedureFollowed;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.CrematocritFormula;

/**
 * The quality control of one raw container: three sections, each empty until recorded and then changed only by
 * an amendment (the service keeps the reason and the values before in the history). Once a check discarded the
 * container it stays rejected.
 */
@Entity
@Table(name = "lab_container_quality")
class ContainerQuality {

    @Id
    private UUID id;

    @Column(name = "container_id", nullable = false, unique = true)
    private UUID containerId;

    @Column(nullable = false)
    private String din;

    @Column(name = "packaging_ok")
    private Boolean packagingOk;

    @Column(name = "dirt_ok")
    private Boolean dirtOk;

    @Column(name = "colour_ok")
    private Boolean colourOk;

    @Column(name = "flavour_ok")
    private Boolean flavourOk;

    @Column(name = "sensory_note")
    private String sensoryNote;

    @Column(name = "sensory_by")
    private String sensoryBy;

    @Column(name = "sensory_at")
    private Instant sensoryAt;

    @Column(name = "dornic_ml_1")
    private BigDecimal dornicMl1;

    @Column(name = "dornic_ml_2")
    private BigDecimal dornicMl2;

    @Column(name = "dornic_ml_3")
    private BigDecimal dornicMl3;

    @Column(name = "dornic_limit")
    private BigDecimal dornicLimit;

    @Column(name = "dornic_by")
    private String dornicBy;

    @Column(name = "dornic_at")
    private Instant dornicAt;

    @Column(name = "cream_mm")
    private BigDecimal creamMm;

    @Column(name = "total_mm")
    private BigDecimal totalMm;

    @Enumerated(EnumType.STRING)
    @Column(name = "crematocrit_formula")
    private CrematocritFormula crematocritFormula;

    @Column(name = "crematocrit_by")
    private String crematocritBy;

    @Column(name = "crematocrit_at")
    private Instant crematocritAt;

    @Column(name = "sensory_procedure_code")
    private String sensoryProcedureCode;

    @Column(name = "sensory_procedure_version")
    private Integer sensoryProcedureVersion;

    @Column(name = "sensory_procedure_profile")
    private String sensoryProcedureProfile;

    @Column(name = "dornic_procedure_code")
    private String dornicProcedureCode;

    @Column(name = "dornic_procedure_version")
    private Integer dornicProcedureVersion;

    @Column(name = "dornic_procedure_profile")
    private String dornicProcedureProfile;

    @Column(name = "crematocrit_procedure_code")
    private String crematocritProcedureCode;

    @Column(name = "crematocrit_procedure_version")
    private Integer crematocritProcedureVersion;

    @Column(name = "crematocrit_procedure_profile")
    private String crematocritProcedureProfile;

    @Column(nullable = false)
    private boolean rejected;

    @Version
    private long version;

    protected ContainerQuality() {}

    ContainerQuality(UUID containerId, String din) {
        this.id = UUID.randomUUID();
        this.containerId = containerId;
        this.din = din;
    }

    /** Records or amends the sensory check by the procedure followed; true when this makes the container fail. */
    boolean sensory(Sensory checks, ProcedureFollowed procedure, String by, Instant at) {
        requireNotRejected();
        if (!checks.passed() && (checks.note() == null || checks.note().isBlank())) {
            throw new RuleViolation("lab.quality.sensory.noteRequired").on("note");
        }
        this.packagingOk = checks.packagingOk();
        this.dirtOk = checks.dirtOk();
        this.colourOk = checks.colourOk();
        this.flavourOk = checks.flavourOk();
        this.sensoryNote = checks.note() == null || checks.note().isBlank()
                ? null
                : checks.note().strip();
        this.sensoryBy = by;
        this.sensoryAt = at;
        this.sensoryProcedureCode = procedure.code();
        this.sensoryProcedureVersion = procedure.version();
        this.sensoryProcedureProfile = procedure.profileCode();
        return rejectIf(!checks.passed());
    }

    /** Records or amends the Dornic titrations, judged by the limit; true when this makes the container fail. */
    boolean dornic(Dornic titrations, BigDecimal limit, ProcedureFollowed procedure, String by, Instant at) {
        requireNotRejected();
        this.dornicMl1 = titrations.ml1();
        this.dornicMl2 = titrations.ml2();
        this.dornicMl3 = titrations.ml3();
        this.dornicLimit = limit;
        this.dornicBy = by;
        this.dornicAt = at;
        this.dornicProcedureCode = procedure.code();
        this.dornicProcedureVersion = procedure.version();
        this.dornicProcedureProfile = procedure.profileCode();
        return rejectIf(!titrations.passes(java.util.Optional.ofNullable(limit)).orElse(true));
    }

    /** Records or amends the crematocrit (it never discards: it classes the milk). */
    void crematocrit(
            Crematocrit reading, CrematocritFormula formula, ProcedureFollowed procedure, String by, Instant at) {
        this.creamMm = reading.creamMm();
        this.totalMm = reading.totalMm();
        this.crematocritFormula = formula;
        this.crematocritBy = by;
        this.crematocritAt = at;
        this.crematocritProcedureCode = procedure.code();
        this.crematocritProcedureVersion = procedure.version();
        this.crematocritProcedureProfile = procedure.profileCode();
    }

    private boolean rejectIf(boolean failed) {
        if (failed) {
            this.rejected = true;
        }
        return failed;
    }

    private void requireNotRejected() {
        if (rejected) {
            throw new RuleViolation("lab.quality.alreadyRejected", org.openmilkbank.shared.Din.parse(din));
        }
    }

    record Sensory(boolean packagingOk, boolean dirtOk, boolean colourOk, boolean flavourOk, String note) {
        boolean passed() {
            return packagingOk && dirtOk && colourOk && flavourOk;
        }
    }

    boolean hasSensory() {
        return sensoryAt != null;
    }

    boolean hasDornic() {
        return dornicAt != null;
    }

    boolean hasCrematocrit() {
        return crematocritAt != null;
    }

    Sensory sensory() {
        return hasSensory() ? new Sensory(packagingOk, dirtOk, colourOk, flavourOk, sensoryNote) : null;
    }

    Dornic dornic() {
        return hasDornic() ? new Dornic(dornicMl1, dornicMl2, dornicMl3) : null;
    }

    Crematocrit crematocrit() {
        return hasCrematocrit() ? new Crematocrit(creamMm, totalMm) : null;
    }

    UUID id() {
        return id;
    }

    UUID containerId() {
        return containerId;
    }

    String din() {
        return din;
    }

    BigDecimal dornicLimit() {
        return dornicLimit;
    }

    CrematocritFormula crematocritFormula() {
        return crematocritFormula;
    }

    String sensoryBy() {
        return sensoryBy;
    }

    Instant sensoryAt() {
        return sensoryAt;
    }

    String dornicBy() {
        return dornicBy;
    }

    Instant dornicAt() {
        return dornicAt;
    }

    String crematocritBy() {
        return crematocritBy;
    }

    Instant crematocritAt() {
        return crematocritAt;
    }

    boolean rejected() {
        return rejected;
    }

    /** The procedure each check followed; null for one recorded before checks kept it. */
    ProcedureFollowed sensoryProcedure() {
        return followed(sensoryProcedureCode, sensoryProcedureVersion, sensoryProcedureProfile);
    }

    ProcedureFollowed dornicProcedure() {
        return followed(dornicProcedureCode, dornicProcedureVersion, dornicProcedureProfile);
    }

    ProcedureFollowed crematocritProcedure() {
        return followed(crematocritProcedureCode, crematocritProcedureVersion, crematocritProcedureProfile);
    }

    private static ProcedureFollowed followed(String code, Integer version, String profile) {
        return code == null || version == null ? null : new ProcedureFollowed(code, version, profile);
    }
}
