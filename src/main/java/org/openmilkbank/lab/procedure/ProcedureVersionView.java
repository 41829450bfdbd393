package org.openmilkbank.lab.procedure;

import java.time.Instant;

/** A version of a bank's procedure as its history lists it: what changed, who, when and why. */
public record ProcedureVersionView(
        int number, ProcedureChange change, int position, String reason, Instant at, String by) {}
