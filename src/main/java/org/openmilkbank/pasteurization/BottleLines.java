package org.openmilkbank.pasteurization;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openmilkbank.shared.RuleViolation;

/** The bottle lines of a run: at least one, each a plausible size and count, one line per size. */
final class BottleLines {

    /** The largest bottle a bank fills for one infant's feeds; larger is a typing error. */
    static final int MAX_BOTTLE_VOLUME_ML = 1000;

    private BottleLines() {}

    /** Refuses implausible lines naming the field they were typed in; returns them as given. */
    static List<BottleLine> check(List<BottleLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new RuleViolation("pasteurization.runs.bottlesRequired").on("bottleCount");
        }
        Set<Integer> sizes = new HashSet<>();
        int bottles = 0;
        for (BottleLine line : lines) {
            if (line == null) {
                throw new RuleViolation("pasteurization.runs.bottlesRequired").on("bottleCount");
            }
            if (line.count() < 1) {
                throw new RuleViolation("pasteurization.run.bottleCountInvalid", line.count()).on("bottleCount");
            }
            if (line.volumeMl() < 1) {
                throw new RuleViolation("pasteurization.run.bottleVolumeInvalid", line.volumeMl()).on("bottleVolumeMl");
            }
            if (line.volumeMl() < PasteurisationRun.MIN_BOTTLE_VOLUME_ML) {
                throw new RuleViolation(
                                "pasteurization.run.bottleTooSmall",
                                line.volumeMl(),
                                PasteurisationRun.MIN_BOTTLE_VOLUME_ML)
                        .on("bottleVolumeMl");
            }
            if (line.volumeMl() > MAX_BOTTLE_VOLUME_ML) {
                throw new RuleViolation("pasteurization.runs.bottleTooLarge", line.volumeMl(), MAX_BOTTLE_VOLUME_ML)
                        .on("bottleVolumeMl");
            }
            if (!sizes.add(line.volumeMl())) {
                throw new RuleViolation("pasteurization.runs.sizeTwice", line.volumeMl()).on("bottleVolumeMl");
            }
            bottles += line.count();
            if (bottles > PasteurisationRun.MAX_BOTTLES_PER_RUN) {
                throw new RuleViolation(
                                "pasteurization.run.tooManyBottles", bottles, PasteurisationRun.MAX_BOTTLES_PER_RUN)
                        .on("bottleCount");
            }
        }
        return List.copyOf(lines);
    }

    static int bottles(List<BottleLine> lines) {
        return lines.stream().mapToInt(BottleLine::count).sum();
    }

    static int totalMl(List<BottleLine> lines) {
        return lines.stream().mapToInt(BottleLine::totalMl).sum();
    }
}
