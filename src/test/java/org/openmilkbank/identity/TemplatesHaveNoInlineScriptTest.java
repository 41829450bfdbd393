package org.openmilkbank.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Content-Security-Policy allows scripts only from files: no template may carry script in its markup. */
class TemplatesHaveNoInlineScriptTest {

    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|\\shx-on[:-]|javascript:", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasAnInlineScriptOrEventHandler() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            offenders = files.filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> {
                        try {
                            return INLINE.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }
}
