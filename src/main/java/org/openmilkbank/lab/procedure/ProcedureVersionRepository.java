package org.openmilkbank.lab.procedure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProcedureVersionRepository extends JpaRepository<ProcedureVersion, UUID> {

    Optional<ProcedureVersion> findTopByProfileCodeAndProcedureCodeOrderByNumberDesc(
            String profileCode, String procedureCode);

    Optional<ProcedureVersion> findByProfileCodeAndProcedureCodeAndNumber(
            String profileCode, String procedureCode, int number);

    List<ProcedureVersion> findByProfileCodeAndProcedureCodeOrderByNumberDesc(String profileCode, String procedureCode);

    /** Holds the procedure's edits one after the other until the transaction ends. */
    @Query(value = "select 1 from (select pg_advisory_xact_lock(hashtext(:key))) locked", nativeQuery = true)
    Integer lockProcedure(@Param("key") String key);
}
