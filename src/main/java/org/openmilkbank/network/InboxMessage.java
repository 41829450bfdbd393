package org.openmilkbank.network;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A message from the hub as the bank received it.
 *
 * @param sequence the hub's number for it (numbers across the hub: a bank sees only its own and those for all)
 * @param facilityCode the bank it is for, {@code null} for every bank
 */
public record InboxMessage(long sequence, String kind, String facilityCode, Instant createdAt, JsonNode payload) {}
