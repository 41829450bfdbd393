package org.openmilkbank.transfer;

/** Whether the bank sends the transfer or receives it. */
public enum TransferDirection {
    OUT,
    IN
}
