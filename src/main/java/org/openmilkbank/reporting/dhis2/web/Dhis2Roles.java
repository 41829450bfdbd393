package org.openmilkbank.reporting.dhis2.web;

/** Managers report to DHIS2 and keep the mapping; the connection (a server and its password) is the admin's. */
final class Dhis2Roles {

    static final String VIEW = "hasAnyRole('MANAGER', 'ADMIN')";
    static final String MAP = "hasAnyRole('MANAGER', 'ADMIN')";
    static final String PUSH = "hasAnyRole('MANAGER', 'ADMIN')";
    static final String CONNECT = "hasRole('ADMIN')";

    private Dhis2Roles() {}
}
