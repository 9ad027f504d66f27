package dev.cairn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeTest {

    @Test
    void the_readme_example_deposits_and_reads_its_own_write() {
        assertThat(ReadmeExample.depositAndReadBack()).isEqualTo(500L);
    }

    @Test
    void the_readme_shows_exactly_the_code_this_test_runs() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/cairn/examples/ReadmeExample.java"));
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(between(readme, "```java\n", "\n```").strip())
                .isEqualTo(dedent(between(source, "// README:begin\n", "    // README:end")));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("marker %s", start).isNotNegative();
        from += start.length();
        int to = text.indexOf(end, from);
        assertThat(to).as("marker %s", end).isNotNegative();
        return text.substring(from, to);
    }

    /** The README shows the example without the class's indentation. */
    private static String dedent(String code) {
        return code.lines()
                .map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .map(String::stripTrailing)
                .reduce("", (a, b) -> a + b + "\n")
                .strip();
    }
}
