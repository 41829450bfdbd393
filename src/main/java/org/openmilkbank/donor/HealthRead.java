package org.openmilkbank.donor;

import java.time.Instant;

/** Someone read a donor's health answers or serology. */
public record HealthRead(String readBy, Instant readAt, String what) {}
