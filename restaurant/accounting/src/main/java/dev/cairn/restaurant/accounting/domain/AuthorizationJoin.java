package dev.cairn.restaurant.accounting.domain;

import dev.cairn.restaurant.accounting.domain.PaymentCommand.AuthorizePayment;
import dev.cairn.restaurant.contracts.Require;
import java.util.Optional;

/**
 * What accounting has seen of one order so far. The three events may arrive in any order.
 *
 * @param request          the authorisation to ask for, known once OrderCreated was seen
 * @param consumerVerified ConsumerVerified was seen
 * @param ticketCreated    TicketCreated was seen
 */
public record AuthorizationJoin(Optional<AuthorizePayment> request, boolean consumerVerified, boolean ticketCreated) {

    public static final AuthorizationJoin NOTHING_SEEN = new AuthorizationJoin(Optional.empty(), false, false);

    public AuthorizationJoin {
        Require.present("request", request);
    }

    /** All three seen: the payment may be authorised. */
    public boolean complete() {
        return request.isPresent() && consumerVerified && ticketCreated;
    }

    AuthorizationJoin withRequest(AuthorizePayment newRequest) {
        return new AuthorizationJoin(Optional.of(newRequest), consumerVerified, ticketCreated);
    }

    AuthorizationJoin withConsumerVerified() {
        return new AuthorizationJoin(request, true, ticketCreated);
    }

    AuthorizationJoin withTicketCreated() {
        return new AuthorizationJoin(request, consumerVerified, true);
    }
}
