package org.openmilkbank.reporting;

import java.util.Set;

/**
 * Which cards of today's work a staff member sees, from her roles: the same on the home page and in the
 * dashboard API. Dispensable stock follows the role matrix (technicians, dispensers, managers) and nobody else;
 * the donor cards those who see donors; today's pick-ups those who see collection.
 */
public record DashboardCards(
        boolean reception, boolean lab, boolean stock, boolean ward, boolean donors, boolean pickups) {

    /** {@code roles} without the {@code ROLE_} prefix, as the layout holds them. */
    public static DashboardCards forRoles(Set<String> roles) {
        boolean all = roles.contains("MANAGER") || roles.contains("ADMIN");
        return new DashboardCards(
                all || roles.contains("DONOR_COORDINATOR") || roles.contains("LAB_TECHNICIAN"),
                all || roles.contains("LAB_TECHNICIAN"),
                roles.contains("MANAGER") || roles.contains("LAB_TECHNICIAN") || roles.contains("DISPENSER"),
                all || roles.contains("DISPENSER") || roles.contains("NURSE"),
                all || roles.contains("DONOR_COORDINATOR"),
                roles.contains("MANAGER") || roles.contains("DONOR_COORDINATOR") || roles.contains("LAB_TECHNICIAN"));
    }

    /** The dashboard with the cards she may not see left out (null). */
    public Dashboard filter(Dashboard d) {
        return new Dashboard(
                d.today(),
                reception ? d.rawAwaitingPooling() : null,
                lab ? d.poolsAwaitingPreCulture() : null,
                lab ? d.poolsReadyForPasteurisation() : null,
                lab ? d.runsAwaitingCulture() : null,
                lab ? d.runsAwaitingRelease() : null,
                stock ? d.bottlesInQuarantine() : null,
                stock ? d.releasedStock() : null,
                ward ? d.fedToday() : null,
                donors ? d.screeningsAwaitingApproval() : null,
                donors ? d.serologyDue() : null,
                donors ? d.deferralsEnding() : null,
                pickups ? d.pickupsToday() : null,
                ward ? d.infantsWithConsent() : null);
    }
}
