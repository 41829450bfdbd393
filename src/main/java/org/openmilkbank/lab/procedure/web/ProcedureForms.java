package org.openmilkbank.lab.procedure.web;

import jakarta.validation.constraints.Size;
import org.openmilkbank.lab.procedure.ProcedureChange;

/** The form records of the procedure pages (and the API's bodies). */
final class ProcedureForms {

    private ProcedureForms() {}

    /** One change to one step of a bank's own procedure, with the reason. */
    record EditForm(
            String profile,
            ProcedureChange change,
            Integer position,
            @Size(max = 500) String text,
            @Size(max = 1000) String reason) {}
}
