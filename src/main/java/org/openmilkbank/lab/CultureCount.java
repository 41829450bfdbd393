package org.openmilkbank.lab;

import org.openmilkbank.shared.RuleViolation;

/** One organism's count on a read, in CFU/mL; an OTHER organism is named. */
public record CultureCount(Organism organism, String otherName, long cfuPerMl) {

    public CultureCount {
        if (organism == null) {
            throw new RuleViolation("lab.culture.count.organismRequired").on("counts");
        }
        if (cfuPerMl < 0) {
            throw new RuleViolation("lab.culture.count.negative", cfuPerMl).on("counts");
        }
        otherName = otherName == null || otherName.isBlank() ? null : otherName.strip();
        if (organism == Organism.OTHER && otherName == null) {
            throw new RuleViolation("lab.culture.count.otherNameRequired").on("counts");
        }
        if (organism != Organism.OTHER) {
            otherName = null;
        }
    }

    public static CultureCount of(Organism organism, long cfuPerMl) {
        return new CultureCount(organism, null, cfuPerMl);
    }
}
