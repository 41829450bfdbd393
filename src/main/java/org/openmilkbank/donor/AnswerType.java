package org.openmilkbank.donor;

/** The kind of answer a screening question takes. */
public enum AnswerType {
    YES_NO,
    NUMBER,
    TEXT
}
