package org.openmilkbank.storage.web;

/**
 * Who reads and keeps the places: everyone who handles milk in the bank reads them; managers and admins register,
 * amend and retire places, technicians also add shelves and boxes; technicians put away and move milk; technicians
 * and managers count it.
 */
final class StorageRoles {

    static final String VIEW = "hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN', 'DISPENSER')";
    static final String KEEP = "hasAnyRole('MANAGER', 'ADMIN')";
    static final String ADD = "hasAnyRole('MANAGER', 'ADMIN', 'LAB_TECHNICIAN')";
    static final String PUT_AWAY = "hasRole('LAB_TECHNICIAN')";
    static final String COUNT = "hasAnyRole('LAB_TECHNICIAN', 'MANAGER')";

    private StorageRoles() {}
}
