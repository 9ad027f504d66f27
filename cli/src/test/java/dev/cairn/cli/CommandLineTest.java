package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.eventstore.file.FileStoreBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line as a user meets it: every mistake is one line on stderr and a non-zero exit,
 * never a stack trace; {@code --data} is the same directory for every command, and a command that
 * only reads never creates it.
 */
class CommandLineTest {

    @TempDir
    Path tmp;

    /** What one run of the command line printed, and its exit code. */
    record Outcome(int exit, String out, String err) {

        List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }

        /** One line on stderr, naming the command, and no stack trace. */
        void saysInOneLine(String expected) {
            assertThat(errLines()).as("stderr: %s", err).hasSize(1);
            assertThat(errLines().getFirst()).startsWith("cairn").contains(expected);
            assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    static synchronized Outcome cairn(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var outBytes = new ByteArrayOutputStream();
        var errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = Cairn.run(args);
            return new Outcome(
                    exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Nested
    class Usage {

        @Test
        void help_names_every_command_and_the_benchmarks() {
            Outcome help = cairn("--help");

            assertThat(help.exit()).isZero();
            assertThat(help.out())
                    .contains("run", "token", "verify", "events", "repair", "lab", "bench", "./cairn bench");
        }

        @Test
        void an_unknown_option_is_one_line_and_exit_2() {
            Outcome outcome = cairn("events", "--data", tmp.toString(), "--colour", "red");

            assertThat(outcome.exit()).isEqualTo(2);
            outcome.saysInOneLine("--colour");
        }

        /** Mistakes in {@code run}'s options: each names itself, and refuses before anything is created. */
        static Stream<Arguments> run_mistakes() {
            return Stream.of(
                    Arguments.of("a bad option value", List.of("--port", "eighty"), 2, "--port"),
                    Arguments.of(
                            "a port out of range", List.of("--port", "70000"), 2, "--port must be from 0 to 65535"),
                    Arguments.of(
                            "postgres without a url",
                            List.of("--store", "postgres"),
                            2,
                            "--store postgres needs --pg-url"),
                    Arguments.of(
                            "an unknown context, named with the known ones",
                            List.of("--contexts", "ordering,bakery"),
                            1,
                            "unknown context 'bakery'; known: [consumers"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("run_mistakes")
        void a_mistake_in_run_is_one_line_and_creates_no_directory(
                String mistake, List<String> options, int exit, String says) {
            Path data = tmp.resolve("d");
            List<String> args = new ArrayList<>(List.of("run"));
            args.addAll(options);
            args.addAll(List.of("--data", data.toString()));

            Outcome outcome = cairn(args.toArray(String[]::new));

            assertThat(outcome.exit()).isEqualTo(exit);
            outcome.saysInOneLine(says);
            assertThat(data).doesNotExist();
        }

        @Test
        void events_refuses_a_limit_below_one() {
            Outcome outcome = cairn("events", "--data", tmp.toString(), "--limit", "0");

            assertThat(outcome.exit()).isEqualTo(2);
            outcome.saysInOneLine("--limit must be positive");
        }

        @Test
        void bench_from_this_main_points_at_the_launcher() {
            Outcome outcome = cairn("bench", "orders", "--orders", "10");

            assertThat(outcome.exit()).isEqualTo(1);
            outcome.saysInOneLine("./cairn bench orders --orders 10");
        }
    }

    @Nested
    class Data_directory {

        @Test
        void read_commands_refuse_a_missing_directory_and_create_nothing() {
            Path missing = tmp.resolve("no-such-data");
            for (String command : List.of("events", "verify", "repair")) {
                Outcome outcome = cairn(command, "--data", missing.toString());

                assertThat(outcome.exit()).as(command).isEqualTo(1);
                outcome.saysInOneLine("no data directory " + missing);
                assertThat(missing).as(command).doesNotExist();
            }
        }

        @Test
        void read_commands_refuse_a_directory_without_a_log() throws Exception {
            Path empty = Files.createDirectory(tmp.resolve("empty"));
            for (String command : List.of("events", "verify", "repair")) {
                Outcome outcome = cairn(command, "--data", empty.toString());

                assertThat(outcome.exit()).as(command).isEqualTo(1);
                outcome.saysInOneLine("holds no event log");
            }
            try (var files = Files.list(empty)) {
                assertThat(files).isEmpty();
            }
        }

        @Test
        void token_refuses_a_missing_directory_rather_than_signing_with_a_new_key() {
            Path missing = tmp.resolve("no-such-data");
            Outcome outcome = cairn("token", "--data", missing.toString());

            assertThat(outcome.exit()).isEqualTo(1);
            outcome.saysInOneLine("no data directory " + missing);
            assertThat(missing).doesNotExist();
        }

        @Test
        void the_directory_run_writes_is_the_one_events_and_verify_read() {
            Path data = tmp.resolve("data");
            try (FileStoreBackend store = FileStoreBackend.open(data)) {
                store.store()
                        .append(
                                "order-1",
                                ExpectedVersion.noStream(),
                                List.of(NewEvent.of(UUID.randomUUID(), "t", "{}".getBytes())));
            }

            Outcome events = cairn("events", "--data", data.toString());
            Outcome verify = cairn("verify", "--data", data.toString());
            Outcome token = cairn("token", "--data", data.toString());

            assertThat(events.exit()).isZero();
            assertThat(events.out()).contains("\"streamId\":\"order-1\"");
            assertThat(verify.exit()).isZero();
            assertThat(verify.out()).startsWith("OK: 1 segments, 1 events, 1 streams");
            assertThat(token.exit()).isZero();
            assertThat(data.resolve("auth")).isDirectory();
        }
    }

    @Nested
    class Run {

        @Test
        void a_port_in_use_is_one_line_and_exit_1() throws Exception {
            try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                Outcome outcome = assertTimeoutPreemptively(
                        Duration.ofSeconds(60),
                        () -> cairn(
                                "run",
                                "--store",
                                "memory",
                                "--port",
                                Integer.toString(taken.getLocalPort()),
                                "--data",
                                tmp.toString()));

                assertThat(outcome.exit()).isEqualTo(1);
                outcome.saysInOneLine("another process holds the port");
            }
        }

        @Test
        void an_unreachable_database_is_one_line_and_exit_1() {
            Outcome outcome = assertTimeoutPreemptively(
                    Duration.ofSeconds(60),
                    () -> cairn(
                            "run",
                            "--store",
                            "postgres",
                            "--pg-url",
                            "jdbc:postgresql://127.0.0.1:1/cairn?user=postgres",
                            "--data",
                            tmp.toString()));

            assertThat(outcome.exit()).isEqualTo(1);
            outcome.saysInOneLine("cannot open the PostgreSQL store");
        }
    }
}
