package org.openmilkbank.network;

/** The hub's answer to an accepted enrolment: the bank enrolled and the hub's public key (X.509, base64). */
public record EnrolmentAnswer(String facilityCode, String hubPublicKey) {}
