package org.openmilkbank.donor;

/** How the screening interview was held; an online form alone is not an interview. */
public enum InterviewMode {
    PHONE,
    IN_PERSON
}
