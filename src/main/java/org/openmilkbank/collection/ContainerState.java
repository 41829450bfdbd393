package org.openmilkbank.collection;

public enum ContainerState {
    RAW_FROZEN,
    POOLED,
    DISCARDED
}
