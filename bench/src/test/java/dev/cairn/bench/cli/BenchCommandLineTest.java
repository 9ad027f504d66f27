package dev.cairn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn bench}'s own main: a mistake is one line on stderr and a non-zero exit; a read never creates a store. */
class BenchCommandLineTest {

    @TempDir
    Path tmp;

    record Outcome(int exit, String err) {}

    static synchronized Outcome bench(String... args) {
        PrintStream err = System.err;
        var bytes = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            return new Outcome(Bench.run(args), bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void read_refuses_a_missing_data_directory_and_creates_nothing() {
        Path missing = tmp.resolve("missing");
        Outcome outcome = bench("read", "--data", missing.toString());

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.err().lines())
                .singleElement()
                .asString()
                .startsWith("cairn bench read: no data directory " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void orders_without_a_way_to_sign_is_a_usage_error() {
        Outcome outcome = bench("orders", "--orders", "5");

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err().lines()).singleElement().asString().contains("an admin token is needed");
    }

    @Test
    void orders_with_a_data_directory_holding_no_key_says_so() {
        Outcome outcome = bench("orders", "--data", tmp.toString());

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.err().lines()).singleElement().asString().contains("no installation key at");
    }

    @Test
    void append_writes_to_the_log_of_the_data_directory_as_run_does() {
        Path data = tmp.resolve("data");
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(Bench.run("append", "--events", "10", "--writers", "1", "--data", data.toString()))
                    .isZero();
        } finally {
            System.setOut(out);
        }
        assertThat(data.resolve("log"))
                .isDirectoryContaining(p -> p.getFileName().toString().endsWith(".seg"));
    }
}
