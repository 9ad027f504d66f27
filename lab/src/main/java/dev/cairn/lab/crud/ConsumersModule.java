package dev.cairn.lab.crud;

import dev.cairn.lab.relational.Sql;
import dev.cairn.restaurant.consumers.domain.ConsumerStanding;
import dev.cairn.restaurant.consumers.domain.Verification;
import dev.cairn.restaurant.consumers.domain.VerificationCommand.VerifyConsumer;
import dev.cairn.restaurant.consumers.domain.VerificationDecider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The monolith's consumers module: the restaurant's {@link VerificationDecider}, fed with the
 * consumer's standing read {@code FOR SHARE}, so the consumer cannot be deactivated until the order
 * commits. The outcome is not stored on its own: the order row's state says it.
 */
final class ConsumersModule {

    private static final VerificationDecider DECIDER = new VerificationDecider();

    private final Steps steps;

    ConsumersModule(Steps steps) {
        this.steps = steps;
    }

    boolean verify(Connection tx, String orderId, String consumerId) throws SQLException {
        steps.next(orderId, "database", "SELECT consumer FOR SHARE");
        var command = new VerifyConsumer(orderId, consumerId, standing(tx, consumerId));
        return DECIDER.fold(DECIDER.decide(command, DECIDER.initialState())) == Verification.VERIFIED;
    }

    private static ConsumerStanding standing(Connection tx, String consumerId) throws SQLException {
        try (PreparedStatement statement =
                        Sql.prepare(tx, "SELECT active FROM consumers WHERE id = ? FOR SHARE", consumerId);
                ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return ConsumerStanding.UNKNOWN;
            }
            return row.getBoolean(1) ? ConsumerStanding.ACTIVE : ConsumerStanding.INACTIVE;
        }
    }
}
