package org.openmilkbank.shared;

/** The staff roles of a milk bank. A person may hold several. */
public enum Role {
    ADMIN,
    DONOR_COORDINATOR,
    LAB_TECHNICIAN,
    /** Issues milk from the bank to a ward or infant. */
    DISPENSER,
    /** Works on the neonatal ward. */
    NURSE,
    MANAGER,
    /** Runs the network's hub: registers banks, compares them, publishes addenda. */
    NETWORK_COORDINATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
