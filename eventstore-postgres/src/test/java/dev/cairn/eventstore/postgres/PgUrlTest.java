package dev.cairn.eventstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgUrlTest {

    @Nested
    class Masked {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "jdbc:postgresql://db:5432/cairn?user=app&password=s3cret|jdbc:postgresql://db:5432/cairn?user=app&password=****",
                    "jdbc:postgresql://db/cairn?password=s3cret&user=app|jdbc:postgresql://db/cairn?password=****&user=app",
                    "jdbc:postgresql://db/cairn?user=app&PASSWORD=s%26cret&ssl=true|jdbc:postgresql://db/cairn?user=app&PASSWORD=****&ssl=true",
                    "jdbc:postgresql://app:s3cret@db/cairn|jdbc:postgresql://app:****@db/cairn",
                    "jdbc:postgresql://db/cairn?user=app|jdbc:postgresql://db/cairn?user=app"
                })
        void hides_every_password_and_nothing_else(String url, String shown) {
            assertThat(PgUrl.masked(url)).isEqualTo(shown);
        }
    }

    @Nested
    class Password_from_the_environment {

        @Test
        void is_added_from_CAIRN_PG_PASSWORD_before_PGPASSWORD_and_encoded() {
            String url = PgUrl.withPasswordFromEnvironment(
                    "jdbc:postgresql://db/cairn?user=app",
                    Map.of("CAIRN_PG_PASSWORD", "p&ss word", "PGPASSWORD", "other"));

            assertThat(url).isEqualTo("jdbc:postgresql://db/cairn?user=app&password=p%26ss+word");
            assertThat(PgUrl.password(url)).hasValue("p&ss word");
        }

        @Test
        void falls_back_to_PGPASSWORD_and_starts_a_query_when_there_is_none() {
            assertThat(PgUrl.withPasswordFromEnvironment("jdbc:postgresql://db/cairn", Map.of("PGPASSWORD", "pw")))
                    .isEqualTo("jdbc:postgresql://db/cairn?password=pw");
        }

        @Test
        void never_replaces_a_password_the_url_gives() {
            String url = "jdbc:postgresql://db/cairn?user=app&password=given";

            assertThat(PgUrl.withPasswordFromEnvironment(url, Map.of("CAIRN_PG_PASSWORD", "env")))
                    .isEqualTo(url);
            assertThat(PgUrl.withPasswordFromEnvironment("jdbc:postgresql://db/cairn", Map.of()))
                    .isEqualTo("jdbc:postgresql://db/cairn");
        }
    }

    @Nested
    class Failures_to_open {

        @Test
        void show_no_password_in_any_message_or_stack_trace() {
            // An unknown sub-protocol makes the pool quote the whole URL in its message.
            for (String url : new String[] {
                "jdbc:postgres://127.0.0.1:1/cairn?user=u&password=Sup3rSecret",
                "jdbc:postgresql://127.0.0.1:1/cairn?user=u&password=Sup3rSecret"
            }) {
                Throwable failure = catchThrowable(() -> PostgresEventStore.open(
                        url, PostgresOptions.defaults().withConnectTimeout(Duration.ofMillis(500))));

                assertThat(failure).as("opening %s", PgUrl.masked(url)).isNotNull();
                StringWriter trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain("Sup3rSecret");
            }
        }
    }
}
