package dev.cairn.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameBasedIdsTest {

    @Test
    void derivesExactlyTheIdsTheJdkDerivesForTheSameName() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] name = new byte[random.nextInt(80)];
            random.nextBytes(name);
            assertThat(NameBasedIds.of(name)).isEqualTo(UUID.nameUUIDFromBytes(name));
        }
    }

    @Test
    void keepsTheIdsAlreadyStoredInLogs() {
        // a reaction's command id as released versions derived it: stored logs depend on it never changing
        UUID cause = UUID.fromString("3f2c1d4e-5b6a-4789-9abc-def012345678");
        CommandContext context = CommandContext.reactingTo("kitchen.reactions", cause, cause, 1);
        assertThat(context.commandId())
                .isEqualTo(UUID.nameUUIDFromBytes(("kitchen.reactions/" + cause + "/1").getBytes()));
        assertThat(context.eventId(0)).isEqualTo(context.commandId());
        assertThat(context.eventId(2).version()).isEqualTo(3);
    }
}
