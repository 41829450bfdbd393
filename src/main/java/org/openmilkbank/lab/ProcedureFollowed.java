package org.openmilkbank.lab;

/**
 * The procedure a recorded result followed: its code ({@code sensory}, {@code dornic}, {@code analyser-check} …), its
 * version and the profile it belongs to. A result recorded before results kept their procedure has none ("not
 * recorded").
 */
public record ProcedureFollowed(String code, int version, String profileCode) {}
