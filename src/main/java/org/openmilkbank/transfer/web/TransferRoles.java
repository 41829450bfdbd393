package org.openmilkbank.transfer.web;

/** Who may do what with transfers: a manager acts; the manager, administrator and dispensers see them. */
final class TransferRoles {

    static final String VIEW = "hasAnyRole('MANAGER', 'ADMIN', 'DISPENSER')";
    static final String ACT = "hasRole('MANAGER')";
    /** Bottles arriving are scanned by the dispenser or the manager. */
    static final String RECEIVE = "hasAnyRole('MANAGER', 'DISPENSER')";

    static final String HUB_VIEW = "hasAnyRole('NETWORK_COORDINATOR', 'ADMIN')";

    private TransferRoles() {}
}
