package org.openmilkbank.shared;

import java.util.List;

/**
 * Second-person signatures for the steps a standard wants two people for (releasing a run, approving a
 * screening). The signed-in person signs by entering her own password again after reading what she attests;
 * the signature is kept, append-only, with its meaning. Call it inside the step's transaction, so a refused
 * step keeps no signature and a signature never exists without its step. Implemented by {@code identity}.
 */
public interface Signatures {

    /**
     * Checks the signed-in person's password and records her signature on the record.
     *
     * @throws RuleViolation {@code signature.password.wrong} on field {@code signaturePassword} when the password
     *     is missing or wrong; nothing is recorded
     */
    Signature sign(String password, String recordType, Object recordId, Said meaning, List<Said> attestations);

    /**
     * A second person, standing beside the signed-in one, signs with her own username and password (a second nurse
     * at the bedside): she must hold the role and be someone else than the signed-in person.
     *
     * @throws RuleViolation on field {@code countersignPassword} when the person is unknown, the same person, lacks
     *     the role, or the password is wrong; nothing is recorded
     */
    Signature countersign(
            String username,
            String password,
            Role role,
            String recordType,
            Object recordId,
            Said meaning,
            List<Said> attestations);

    /** The signatures on a record, oldest first. */
    List<Signature> of(String recordType, Object recordId);
}
