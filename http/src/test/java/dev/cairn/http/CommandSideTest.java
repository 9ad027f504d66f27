package dev.cairn.http;

import static dev.cairn.http.HttpAssertions.assertError;
import static dev.cairn.http.HttpAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.command.CommandResult;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands that decide from a view (a replica) wait for that view, not for the log, when asked for consistency. */
class CommandSideTest {

    static final ManualPosition replica = new ManualPosition();
    static final AtomicInteger decided = new AtomicInteger();
    static ToyServer toy;

    @BeforeAll
    static void start() {
        toy = ToyServer.start(config ->
                config.context(routes -> routes.command("/api/before-side", Access.anyRole(), call -> reply(call))
                        .commandSide(replica)
                        .command("/api/after-side", Access.anyRole(), call -> reply(call))));
    }

    @AfterAll
    static void stop() {
        toy.close();
    }

    private static CommandReply reply(Call call) {
        decided.incrementAndGet();
        String thread = Thread.currentThread().isVirtual() ? "virtual" : "platform";
        return CommandReply.accepted("thread", thread, new CommandResult.Accepted("x-1", 0, replica.position()));
    }

    @Test
    void a_command_waits_for_the_side_it_decides_from() {
        replica.set(10);
        Thread.ofVirtual().start(() -> {
            ManualPosition.sleep(300);
            replica.set(12);
        });
        long started = System.nanoTime();

        HttpResponse<String> response = toy.post("/api/after-side?consistentWith=12", null, "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).get("position").asText()).isEqualTo("12");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void a_command_whose_side_stays_behind_is_503_and_is_not_decided() {
        replica.set(20);
        int before = decided.get();

        assertError(toy.post("/api/after-side?consistentWith=21", null, ""), 503, "CONSISTENCY_TIMEOUT", "not yet 21");
        assertThat(decided.get()).isEqualTo(before);
    }

    @Test
    void routes_registered_before_a_side_is_set_wait_for_the_log() {
        replica.set(0);
        long head = toy.createCounter("logged").get("position").asLong();

        HttpResponse<String> response = toy.post("/api/before-side?consistentWith=" + head, null, "");

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void commands_run_on_virtual_threads() {
        replica.set(0);

        assertThat(json(toy.post("/api/after-side", null, "")).get("thread").asText())
                .isEqualTo("virtual");
    }
}
