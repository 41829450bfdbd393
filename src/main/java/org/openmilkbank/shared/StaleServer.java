package org.openmilkbank.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that a killed application left running on its data directory: found through
 * {@code postmaster.pid}, checked to be a postgres serving exactly that directory, and stopped (fast shutdown) so
 * that the new start does not fail.
 */
final class StaleServer {

    private static final Logger log = LoggerFactory.getLogger(StaleServer.class);
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private StaleServer() {}

    /** The running postgres named by the directory's {@code postmaster.pid}, if it really serves that directory. */
    static Optional<ProcessHandle> find(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Path served = Path.of(lines.get(1).strip());
        if (!sameDirectory(served, dataDir)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(StaleServer::isPostgres);
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> stale = find(dataDir);
        if (stale.isEmpty()) {
            return;
        }
        ProcessHandle server = stale.get();
        log.warn(
                "A PostgreSQL (pid {}) is still running on {}, left by an application that did not stop; stopping it",
                server.pid(),
                dataDir.toAbsolutePath());
        if (!pgCtlStop(server, dataDir)) {
            // smart shutdown: the dead application's connections are gone, so it ends once those backends exit
            server.destroy();
        }
        try {
            server.onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the stale PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("The stale PostgreSQL (pid " + server.pid() + ") on " + dataDir + " did not stop", e);
        }
    }

    /** pg_ctl from the same installation as the running server, fast mode: ends sessions, checkpoints, exits. */
    private static boolean pgCtlStop(ProcessHandle server, Path dataDir) {
        Optional<Path> pgCtl = server.info()
                .command()
                .map(Path::of)
                .map(p -> p.resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        if (pgCtl.isEmpty()) {
            return false;
        }
        try {
            Process stop = new ProcessBuilder(
                            pgCtl.get().toString(),
                            "stop",
                            "-D",
                            dataDir.toAbsolutePath().toString(),
                            "-m",
                            "fast",
                            "-w",
                            "-t",
                            Long.toString(STOP_TIMEOUT_SECONDS))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!stop.waitFor(STOP_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS)) {
                stop.destroyForcibly();
                return false;
            }
            return stop.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(Path::of)
                .map(p -> p.getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .orElse(false);
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
