package org.openmilkbank.logistics;

/** The cold-chain indicator packed in the box: it changes for good once the box got too warm. */
public enum IndicatorState {
    INTACT,
    TRIGGERED
}
