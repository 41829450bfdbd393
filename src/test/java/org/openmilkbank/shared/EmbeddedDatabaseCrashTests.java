package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a {@code kill -9} of the application its PostgreSQL lives on; the next start stops it and starts cleanly. */
class EmbeddedDatabaseCrashTests {

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dataDir;

    @Test
    void theNextStartAfterAKilledApplicationStopsItsOrphanedServerAndKeepsTheCommittedData() throws Exception {
        Child first = Child.start(dataDir);
        assertThat(first.awaitLine()).isEqualTo("READY 1");
        ProcessHandle orphan = StaleServer.find(dataDir).orElseThrow();
        Child second = null;
        try {

            new ProcessBuilder("kill", "-9", Long.toString(first.process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(first.process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(first.process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            assertThat(orphan.isAlive())
                    .as("the killed application's PostgreSQL lives on")
                    .isTrue();

            second = Child.start(dataDir);
            assertThat(second.awaitLine())
                    .as("started again; the first commit survived")
                    .isEqualTo("READY 2");
            assertThat(orphan.isAlive()).isFalse();
            second.stop();
            assertThat(second.awaitLine()).isEqualTo("STOPPED");
            assertThat(second.process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(StaleServer.find(dataDir)).isEmpty();
        } finally {
            first.process.destroyForcibly();
            if (second != null) {
                second.process.destroyForcibly();
            }
            StaleServer.find(dataDir).ifPresent(ProcessHandle::destroy);
        }
    }

    private record Child(Process process, BufferedReader out) {

        static Child start(Path dataDir) throws IOException {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            EmbeddedDatabaseCrashChild.class.getName(),
                            dataDir.toString()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Child(
                    process,
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }

        /** The next line the child prints that is one of ours (READY/STOPPED), within a bounded time. */
        String awaitLine() throws Exception {
            return CompletableFuture.supplyAsync(() -> {
                        try {
                            String line;
                            while ((line = out.readLine()) != null) {
                                if (line.startsWith("READY") || line.startsWith("STOPPED")) {
                                    return line;
                                }
                            }
                            return "EXITED " + process.waitFor();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    })
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        void stop() throws IOException {
            Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write("stop\n");
            in.flush();
        }
    }
}
