package org.openmilkbank.network;

/**
 * What a bank does with one kind of message from its hub (an addendum, a shortage alert, a transfer, a recall …).
 * {@link NetworkInbox} calls the handler of the message's kind once, in the transaction that stores the message, so
 * the message and what it changed are kept or lost together; a {@link org.openmilkbank.shared.RuleViolation} it
 * throws is kept as the message's outcome (the message stays, marked not handled) and nothing it changed is kept.
 */
public interface HubMessageHandler {

    /** The {@code kind} of message this handler takes. */
    String kind();

    void handle(InboxMessage message);
}
