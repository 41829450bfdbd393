package org.openmilkbank.lab.procedure;

/** What an edit of a bank's own procedure does to one step; each edit is a new version. */
public enum ProcedureChange {
    ADD,
    REWORD,
    MOVE_UP,
    MOVE_DOWN,
    RETIRE
}
