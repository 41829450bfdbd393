package org.openmilkbank.traceability;

import java.util.List;

/** Every bottle an infant received, the pools they came from, and every donor whose milk was in them. */
public record InfantTrace(
        Traced.Infant infant,
        List<Traced.Feed> feeds,
        List<Traced.Bottle> bottles,
        List<Traced.Pool> pools,
        List<Traced.Container> containers,
        List<Traced.Donor> donors) {}
