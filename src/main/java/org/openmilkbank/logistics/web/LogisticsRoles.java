package org.openmilkbank.logistics.web;

/** Donor coordinators and technicians run collection; managers see it. */
final class LogisticsRoles {

    static final String VIEW = "hasAnyRole('DONOR_COORDINATOR', 'LAB_TECHNICIAN', 'MANAGER')";
    static final String ACT = "hasAnyRole('DONOR_COORDINATOR', 'LAB_TECHNICIAN')";

    private LogisticsRoles() {}
}
