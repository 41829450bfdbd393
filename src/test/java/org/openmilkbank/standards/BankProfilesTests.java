package org.openmilkbank.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.openmilkbank.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A bank derives its own profile, changes its rules from a day on, and every change is kept. */
@IntegrationTest
@Import(TestClock.Configuration.class)
class BankProfilesTests {

    @Autowired
    BankProfiles bankProfiles;

    @Autowired
    Standards standards;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DonorManagement donors;

    private static String newCode() {
        return "BANK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private String derive(String from) {
        String code = newCode();
        Staff.as("admin-" + code.toLowerCase(), Role.ADMIN, () -> bankProfiles.derive(code, "Our bank", "ours", from));
        return code;
    }

    private BankProfiles.ParameterChangeView change(String code, Parameter p, String value, LocalDate from) {
        AtomicReference<BankProfiles.ParameterChangeView> made = new AtomicReference<>();
        Staff.as(
                "admin-changer",
                Role.ADMIN,
                () -> made.set(bankProfiles.change(code, p.key(), value, from, "the bank's own validation study")));
        return made.get();
    }

    private LocalDate today() {
        return LocalDate.now((Clock) clock);
    }

    @Test
    void italyAndFranceJudgeCulturesBeforePasteurisationByTheirOwnLimits() {
        assertThat(standards.profile("ITALY").values().get(Parameter.PRE_CULTURE_LIMITS))
                .isEqualTo("TOTAL_VIABLE_COUNT=100000,ENTEROBACTERIACEAE=10000,STAPH_AUREUS=10000");
        assertThat(standards.profile("FRANCE").values().get(Parameter.PRE_CULTURE_LIMITS))
                .isEqualTo("TOTAL_VIABLE_COUNT=1000000,STAPH_AUREUS=10000");
        assertThat(standards.profile("ITALY").values().get(Parameter.POST_CULTURE_LIMITS))
                .isEqualTo("ANY=10");
    }

    @Test
    void aDerivedProfileCopiesTheStandardAndRemembersIt() {
        String code = derive("NICE");

        StandardProfile profile = standards.profile(code);
        StandardProfile nice = standards.profile("NICE");
        assertThat(profile.bankOwn()).isTrue();
        assertThat(profile.derivedFrom()).contains("NICE");
        assertThat(profile.standardCode()).isEqualTo("NICE");
        assertThat(profile.values()).isEqualTo(nice.values());
        assertThat(jdbc.sql("select built_in from standard_profile where code = :c")
                        .param("c", code)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(bankProfiles.history(code)).hasSize(1);
    }

    @Test
    void viewsOfOtherModulesReadTheRulesInForceTodayNotTheCreatedValues() {
        String code = derive("NICE");
        // dated by the database's day, which the views read (this test's clock may have been moved ahead)
        changedInTheDatabase(code, Parameter.SEROLOGY_RETEST_INTERVAL_DAYS, "45", "current_date");
        changedInTheDatabase(code, Parameter.HOLDER_MINUTES, "35", "current_date + 1");

        assertThat(inForce(code, Parameter.SEROLOGY_RETEST_INTERVAL_DAYS)).isEqualTo("45");
        assertThat(inForce(code, Parameter.HOLDER_MINUTES))
                .as("a change effective tomorrow")
                .isEqualTo(standards.profile("NICE").values().get(Parameter.HOLDER_MINUTES));
    }

    private void changedInTheDatabase(String code, Parameter p, String value, String effectiveFrom) {
        jdbc.sql("insert into standard_parameter_change"
                        + " (id, profile_code, key, value, effective_from, reason, changed_at, changed_by)"
                        + " values (:id, :c, :k, :v, " + effectiveFrom + ", 'validation study', now(), 'admin')")
                .param("id", UUID.randomUUID())
                .param("c", code)
                .param("k", p.key())
                .param("v", value)
                .update();
    }

    private String inForce(String code, Parameter p) {
        return jdbc.sql("select value from standards_parameter_v where profile_code = :c and key = :k")
                .param("c", code)
                .param("k", p.key())
                .query(String.class)
                .single();
    }

    @Test
    void aDerivedProfileIsActivatedByTheUsualChoiceWithItsReason() {
        String code = derive("HMBANA");
        String before = standards.activeProfile().code();
        try {
            Staff.as("admin-activator", Role.ADMIN, () -> standards.activate(code, "the bank follows its own rules"));
            assertThat(standards.activeProfile().code()).isEqualTo(code);
            var activations = standards.activationHistory();
            assertThat(activations.get(activations.size() - 1).reason()).isEqualTo("the bank follows its own rules");
        } finally {
            Staff.as("admin-activator", Role.ADMIN, () -> standards.activate(before, "test puts the profile back"));
        }
    }

    @Test
    void donorsUnderABankProfileAreScreenedWithItsStandardsQuestionnaire() {
        String code = derive("NICE");
        String before = standards.activeProfile().code();
        try {
            Staff.as("admin-activator", Role.ADMIN, () -> standards.activate(code, "own rules"));
            assertThat(donors.currentQuestionnaire().profileCode()).isEqualTo("NICE");
        } finally {
            Staff.as("admin-activator", Role.ADMIN, () -> standards.activate(before, "test puts the profile back"));
        }
    }

    @Test
    void refusesADerivationFromABankProfileOrWithATakenOrBadCode() {
        String code = derive("NICE");
        Staff.as("admin-x", Role.ADMIN, () -> {
            assertThatThrownBy(() -> bankProfiles.derive(newCode(), "n", "", code))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> {
                        assertThat(e.code()).isEqualTo("standards.derive.notBuiltIn");
                        assertThat(e.field()).contains("from");
                    });
            assertThatThrownBy(() -> bankProfiles.derive(code, "n", "", "NICE"))
                    .isInstanceOfSatisfying(
                            RuleViolation.class, e -> assertThat(e.code()).isEqualTo("standards.derive.codeTaken"));
            assertThatThrownBy(() -> bankProfiles.derive("a b", "n", "", "NICE"))
                    .isInstanceOfSatisfying(
                            RuleViolation.class, e -> assertThat(e.code()).isEqualTo("standards.derive.codeForm"));
        });
    }

    @Test
    void aChangeEffectiveTomorrowLeavesTodaysRulesAndAppliesTheDayAfter() {
        String code = derive("NICE");
        LocalDate tomorrow = today().plusDays(1);

        BankProfiles.ParameterChangeView made = change(code, Parameter.HOLDER_MINUTES, "35", tomorrow);

        assertThat(made.scheduled()).isTrue();
        assertThat(standards.profile(code).holderMinutes()).isEqualTo(30);
        assertThat(standards.profileOn(code, tomorrow).holderMinutes()).isEqualTo(35);

        clock.advance(Duration.ofDays(1));

        assertThat(standards.profile(code).holderMinutes()).isEqualTo(35);
        assertThat(standards.profile("NICE").holderMinutes()).isEqualTo(30);
    }

    @Test
    void aChangeEffectiveTodayChangesTheActiveProfileAtOnce() {
        String code = derive("NICE");
        String before = standards.activeProfile().code();
        try {
            Staff.as("admin-activator", Role.ADMIN, () -> standards.activate(code, "own rules"));
            change(code, Parameter.PRE_CULTURE_MAX_TOTAL_CFU, "50000", today());
            assertThat(standards.activeProfile().preCultureMaxTotalCfu()).contains(50000L);
        } finally {
            Staff.as("admin-activator", Role.ADMIN, () -> standards.activate(before, "test puts the profile back"));
        }
    }

    @Test
    void everyChangeIsKeptWithWhoWhenAndWhyAndTheDatabaseRefusesToEditOrRemoveIt() {
        String code = derive("NICE");
        change(code, Parameter.HOLDER_TEMPERATURE_C, "63", today());
        change(code, Parameter.HOLDER_TEMPERATURE_C, "62.5", today());

        List<BankProfiles.ParameterChangeView> changes = bankProfiles.changes(code);
        assertThat(changes).extracting(BankProfiles.ParameterChangeView::value).containsExactly("63", "62.5");
        assertThat(changes.get(1).beforeValue()).isEqualTo("63");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.changedBy()).isEqualTo("admin-changer");
            assertThat(c.reason()).isEqualTo("the bank's own validation study");
            assertThat(c.changedAt()).isNotNull();
        });
        assertThat(standards.profile(code).holderTemperatureC()).isEqualByComparingTo(new BigDecimal("62.5"));
        assertThat(bankProfiles.history(code)).hasSize(3);

        assertThatThrownBy(() -> jdbc.sql("update standard_parameter_change set value = '70' where profile_code = :c")
                        .param("c", code)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from standard_parameter_change where profile_code = :c")
                        .param("c", code)
                        .update())
                .hasMessageContaining("append-only");
        assertThat(bankProfiles.changes(code)).hasSize(2);
    }

    @Test
    void aBuiltInStandardIsReadOnly() {
        Staff.as(
                "admin-x",
                Role.ADMIN,
                () -> assertThatThrownBy(
                                () -> bankProfiles.change("NICE", Parameter.HOLDER_MINUTES.key(), "35", today(), "try"))
                        .isInstanceOfSatisfying(
                                RuleViolation.class,
                                e -> assertThat(e.code()).isEqualTo("standards.profile.builtInReadOnly")));
        assertThatThrownBy(() -> jdbc.sql("""
                                insert into standard_parameter_change
                                    (id, profile_code, key, value, effective_from, reason, changed_at, changed_by)
                                values (:id, 'NICE', 'holder.minutes', '35', current_date, 'direct', now(), 'sql')
                                """).param("id", UUID.randomUUID()).update())
                .hasMessageContaining("read-only");
        assertThat(standards.profile("NICE").holderMinutes()).isEqualTo(30);
    }

    @Test
    void refusesAPastDayAnUnchangedValueAndABadValueAndChangesNothing() {
        String code = derive("NICE");
        Staff.as("admin-x", Role.ADMIN, () -> {
            assertThatThrownBy(() -> bankProfiles.change(
                            code, Parameter.HOLDER_MINUTES.key(), "35", today().minusDays(1), "late"))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> {
                        assertThat(e.code()).isEqualTo("standards.change.pastDate");
                        assertThat(e.field()).contains("effectiveFrom");
                    });
            assertThatThrownBy(() -> bankProfiles.change(code, Parameter.HOLDER_MINUTES.key(), "30", today(), "same"))
                    .isInstanceOfSatisfying(
                            RuleViolation.class, e -> assertThat(e.code()).isEqualTo("standards.change.unchanged"));
            assertThatThrownBy(() -> bankProfiles.change(code, Parameter.HOLDER_MINUTES.key(), "0", today(), "bad"))
                    .isInstanceOfSatisfying(
                            RuleViolation.class, e -> assertThat(e.code()).isEqualTo("standards.value.outOfRange"));
            assertThatThrownBy(() -> bankProfiles.change(code, "no.such-rule", "1", today(), "bad"))
                    .isInstanceOfSatisfying(
                            RuleViolation.class, e -> assertThat(e.field()).contains("key"));
        });
        assertThat(bankProfiles.changes(code)).isEmpty();
        assertThat(standards.profile(code).holderMinutes()).isEqualTo(30);
    }

    @Test
    void theComparisonMarksWhereTheBankDiffersAndShowsScheduledValues() {
        String code = derive("NICE");
        change(code, Parameter.POOL_MAX_DONORS, "3", today());
        change(code, Parameter.THAWED_LIFE_HOURS, "12", today().plusDays(5));

        List<BankProfiles.ParameterComparison> rows = bankProfiles.comparison(code);
        BankProfiles.ParameterComparison pool = row(rows, Parameter.POOL_MAX_DONORS);
        assertThat(pool.value()).isEqualTo("3");
        assertThat(pool.standardValue()).isEqualTo("1");
        assertThat(pool.differs()).isTrue();
        assertThat(pool.source()).isEqualTo("the bank's own validation study");
        assertThat(pool.standardSource()).contains("NICE CG93");

        BankProfiles.ParameterComparison thawed = row(rows, Parameter.THAWED_LIFE_HOURS);
        assertThat(thawed.differs()).isFalse();
        assertThat(thawed.changes())
                .singleElement()
                .satisfies(c -> assertThat(c.scheduled()).isTrue());
        assertThat(row(rows, Parameter.HOLDER_MINUTES).differs()).isFalse();
    }

    @Test
    void italyAndFranceCarryTheReferenceThresholdsWithTheirSources() {
        StandardProfile italy = standards.profile("ITALY");
        assertThat(italy.preCultureRequired()).isTrue();
        assertThat(italy.preCultureMaxTotalCfu()).contains(100_000L);
        assertThat(italy.preCultureMaxEnterobacteriaceaeCfu()).contains(10_000L);
        assertThat(italy.preCultureMaxStaphAureusCfu()).contains(10_000L);
        assertThat(italy.postCultureMaxCfu()).isEqualTo(10);
        assertThat(standards.sources("ITALY").get(Parameter.HOLDER_TEMPERATURE_C))
                .contains("EMBA", "58");

        StandardProfile france = standards.profile("FRANCE");
        assertThat(france.preCultureMaxTotalCfu()).contains(1_000_000L);
        assertThat(france.preCultureMaxStaphAureusCfu()).contains(10_000L);
        assertThat(france.preCultureMaxEnterobacteriaceaeCfu()).isEmpty();
        assertThat(standards.sources("FRANCE").get(Parameter.POST_CULTURE_MAX_CFU))
                .startsWith("Reference silent for France: copied from NICE");
        // every rule NICE sets is set for both, so no rule is missing when a bank follows them
        assertThat(italy.values().keySet())
                .containsAll(standards.profile("NICE").values().keySet());
        assertThat(france.values().keySet())
                .hasSize(standards.profile("NICE").values().size() - 1);
    }

    private static BankProfiles.ParameterComparison row(List<BankProfiles.ParameterComparison> rows, Parameter p) {
        return rows.stream().filter(r -> r.parameter() == p).findFirst().orElseThrow();
    }
}
