package org.openmilkbank.equipment.web;

/** Everyone who works in the bank reads the register; managers and admins keep it; technicians calibrate. */
final class EquipmentRoles {

    static final String VIEW = "hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'DISPENSER')";
    static final String MANAGE = "hasAnyRole('MANAGER', 'ADMIN')";
    static final String RECORD = "hasRole('LAB_TECHNICIAN')";

    private EquipmentRoles() {}
}
