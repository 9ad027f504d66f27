package dev.cairn.restaurant.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.restaurant.systemtests.support.Reply;
import dev.cairn.restaurant.systemtests.support.RestaurantApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The contract's error answer: the status, a JSON body of exactly {@code {"error","message"}}, a message naming the field or rule. */
final class ErrorAssertions {

    private ErrorAssertions() {}

    /**
     * @param code            the expected {@code error}, or null when any code will do
     * @param messageContains what the message must name (a field, a parameter, a state), case-insensitively
     */
    static JsonNode assertError(Reply reply, int status, String code, String messageContains) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.header("Content-Type"))
                .as("content type of %s", reply)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = reply.json();
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("fields of %s", reply).containsExactlyInAnyOrder("error", "message");
        assertThat(body.get("error").isTextual() && body.get("message").isTextual())
                .as("text fields in %s", reply)
                .isTrue();
        if (code != null) {
            assertThat(body.get("error").asText()).as("error of %s", reply).isEqualTo(code);
        }
        assertThat(body.get("message").asText()).as("message of %s", reply).containsIgnoringCase(messageContains);
        return body;
    }

    /**
     * The attempt is refused with the contract's error, and the log stays where it was: nothing
     * appended, nothing for any processor to do.
     */
    static void assertRefusedAppendingNothing(
            RestaurantApi api, Supplier<Reply> attempt, int status, String code, String messageContains) {
        long head = api.settle();
        assertError(attempt.get(), status, code, messageContains);
        assertThat(api.settle()).isEqualTo(head);
    }
}
