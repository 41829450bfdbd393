package org.openmilkbank.pasteurization.curve;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmilkbank.equipment.log.LogParser;

/**
 * Reads and judges a 10-probe, 1-minute, 3-hour log (1,800 readings) by the 10-probe layout and prints the time each
 * takes after a warm-up: {@code ./bench curve}. A measurement, not a test: nothing fails on a slow machine.
 */
public final class CurveBenchmark {

    private CurveBenchmark() {}

    public static void main(String[] args) {
        byte[] file = Logs.bytes(Logs.tenProbes(180));
        int warmUp = 200;
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long readings = 0;
        for (int i = 0; i < warmUp; i++) {
            readings += once(file);
        }
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            readings += once(file);
        }
        double ms = (System.nanoTime() - start) / 1e6 / measured;
        System.out.printf(
                "curve: %,d bytes, %d readings per log; import + judge %.2f ms per log (mean of %d after %d warm-up)%n",
                file.length, readings / (warmUp + measured), ms, measured, warmUp);
    }

    private static int once(byte[] file) {
        LogParser.Parsed parsed = LogParser.parse(file, Logs.TEN_PROBES);
        CurveVerdict v = CurveJudge.judge(
                parsed.readings(),
                ReadingSource.LOGGER,
                Curves.HOLDER,
                Map.of(),
                List.of(),
                Optional.empty(),
                new Load(20, 2000));
        if (!v.passed()) {
            throw new IllegalStateException("the benchmark's log must pass: " + v.failures());
        }
        return parsed.readings().size();
    }
}
