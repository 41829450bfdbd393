package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** While the bank starts, the JVM's optimising compiler is told to leave every method alone; then it is let go. */
class StartupCompilationTest {

    @Test
    void theStartDirectiveIsInForceUntilReleasedAndGoneAfter() throws Exception {
        String before = String.valueOf(StartupCompilation.command("compilerDirectivesPrint"));
        StartupCompilation.holdBack();
        try {
            assertThat(StartupCompilation.heldBack()).isTrue();
            String during = String.valueOf(StartupCompilation.command("compilerDirectivesPrint"));
            assertThat(count(during, "*.*")).as(during).isEqualTo(count(before, "*.*") + 1);
        } finally {
            StartupCompilation.release();
        }
        assertThat(StartupCompilation.heldBack()).isFalse();
        assertThat(String.valueOf(StartupCompilation.command("compilerDirectivesPrint")))
                .isEqualTo(before);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
