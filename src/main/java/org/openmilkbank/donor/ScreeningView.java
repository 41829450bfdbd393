package org.openmilkbank.donor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A screening interview, answered against the questionnaire version it names, and its approvals. */
public record ScreeningView(
        UUID id,
        UUID donorId,
        String profileCode,
        int questionnaireVersion,
        LocalDate interviewedOn,
        InterviewMode mode,
        String state,
        int approvalsRequired,
        Instant recordedAt,
        String recordedBy,
        String firstApprovedBy,
        String secondApprovedBy,
        List<Answer> answers) {

    public record Answer(String code, String question, String answer, boolean defers) {}

    public ScreeningView {
        answers = List.copyOf(answers);
    }

    public boolean approved() {
        return "APPROVED".equals(state);
    }

    public boolean awaitingApproval() {
        return "AWAITING_APPROVAL".equals(state);
    }
}
