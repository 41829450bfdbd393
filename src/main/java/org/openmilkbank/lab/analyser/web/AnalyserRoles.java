package org.openmilkbank.lab.analyser.web;

/** Lab technicians run the analyser; managers and administrators read its results. */
final class AnalyserRoles {

    static final String VIEW = "hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')";
    static final String ACT = "hasRole('LAB_TECHNICIAN')";

    private AnalyserRoles() {}
}
