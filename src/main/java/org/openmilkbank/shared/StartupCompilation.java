package org.openmilkbank.shared;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back HotSpot's optimising compiler (C2) while the application starts, and lets it work once the bank is
 * ready. During a start nearly every method runs only a few times, yet C2 spends more processor time compiling the
 * warm ones than the start itself takes: on two cores it competes with the start for the second core. The quick
 * compiler (C1) still compiles them. Done with a compiler directive through the JVM's diagnostic command bean (the
 * same as {@code jcmd <pid> Compiler.directives_add}), so {@code java -jar} needs no flags; a JVM without that
 * command simply starts as before.
 */
public final class StartupCompilation {

    private static final Logger log = LoggerFactory.getLogger(StartupCompilation.class);

    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private static boolean heldBack;

    private StartupCompilation() {}

    /** Until {@link #release()}, no method is compiled by C2. */
    public static synchronized void holdBack() {
        if (heldBack) {
            return;
        }
        Path file = null;
        try {
            file = Files.createTempFile("openmilkbank-compiler-directive", ".json");
            Files.writeString(file, DIRECTIVE);
            String answer = String.valueOf(command("compilerDirectivesAdd", file.toString()));
            heldBack = !answer.contains("error") && !answer.contains("Could not");
            if (!heldBack) {
                log.debug("The compiler directive was refused: {}", answer);
            }
        } catch (IOException | JMException | RuntimeException e) {
            log.debug("The optimising compiler is not held back during the start", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** C2 compiles again, from the methods that are hot now. */
    public static synchronized void release() {
        if (!heldBack) {
            return;
        }
        try {
            command("compilerDirectivesRemove");
            heldBack = false;
        } catch (JMException | RuntimeException e) {
            log.warn("The optimising compiler stays held back: its start directive could not be removed", e);
        }
    }

    static synchronized boolean heldBack() {
        return heldBack;
    }

    static Object command(String operation, String... arguments) throws JMException {
        return ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        operation,
                        new Object[] {arguments},
                        new String[] {String[].class.getName()});
    }
}
