package dev.cairn.http;

import dev.cairn.core.command.CommandResult;
import java.util.Objects;

/**
 * What a command route answers: the outcome of handling the command and the id of the entity it
 * addressed. An accepted command becomes {@code 201} or {@code 202} with
 * {@code {"<idName>": id, "position": "<token>"}}; a rejected one becomes the error its
 * {@link dev.cairn.core.model.Rejection.Kind kind} maps to, whatever status was asked for.
 *
 * <pre>{@code
 * return CommandReply.created("orderId", orderId, orders.handle(placeOrder, call.commandContext()));
 * }</pre>
 *
 * @param status 201 or 202, used when the command was accepted
 * @param idName the JSON field naming the id, e.g. {@code orderId}
 * @param id     the entity's id
 * @param result what the command handler returned
 */
public record CommandReply(int status, String idName, String id, CommandResult result) {

    public CommandReply {
        if (status != 201 && status != 202) {
            throw new IllegalArgumentException("a command answers 201 or 202, not " + status);
        }
        Objects.requireNonNull(idName, "idName");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        if ("position".equals(idName)) {
            throw new IllegalArgumentException("idName 'position' would hide the position token");
        }
    }

    /** 201: the command created the entity. */
    public static CommandReply created(String idName, String id, CommandResult result) {
        return new CommandReply(201, idName, id, result);
    }

    /** 202: the command was accepted; its effects reach the views later (ask with the position). */
    public static CommandReply accepted(String idName, String id, CommandResult result) {
        return new CommandReply(202, idName, id, result);
    }
}
