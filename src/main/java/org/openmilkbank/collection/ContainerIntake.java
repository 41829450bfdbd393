package org.openmilkbank.collection;

import java.time.LocalDate;

/** One container as it arrives: its volume and the day the donor expressed the milk. */
public record ContainerIntake(int volumeMl, LocalDate expressedOn) {}
