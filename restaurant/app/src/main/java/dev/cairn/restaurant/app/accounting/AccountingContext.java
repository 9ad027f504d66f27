package dev.cairn.restaurant.app.accounting;

import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.hosting.Sharing;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.accounting.domain.AccountingReactions;
import dev.cairn.restaurant.accounting.domain.Payment;
import dev.cairn.restaurant.accounting.domain.PaymentAuthorizationProcess;
import dev.cairn.restaurant.accounting.domain.PaymentCommand;
import dev.cairn.restaurant.accounting.domain.PaymentDecider;
import dev.cairn.restaurant.app.BoundedContext;
import dev.cairn.restaurant.app.Infrastructure;
import dev.cairn.restaurant.app.Wiring;
import dev.cairn.restaurant.contracts.PaymentEvent;
import java.util.List;

/**
 * Accounting: authorises a payment once an order, its consumer's verification and its ticket are
 * all in (an event join), and reverses it when the ticket is rejected or cancelled. No HTTP routes.
 */
public final class AccountingContext implements BoundedContext {

    private final HostedProcessor authorizations;
    private final HostedProcessor reactions;

    public AccountingContext(Infrastructure infra) {
        CommandHandler<PaymentCommand, Payment, PaymentEvent> payments =
                Wiring.commandHandler(infra, new PaymentDecider(), PaymentEvent.class, PaymentCommand::streamId);
        this.authorizations = Wiring.processManager(
                infra,
                "accounting.authorize-payments",
                new PaymentAuthorizationProcess(),
                payments::handle,
                Sharing.BY_ENTITY); // one instance per order id: order-, verification-, ticket-<id>
        this.reactions = Wiring.reactions(infra, "accounting.reactions", AccountingReactions.all(), payments::handle);
    }

    @Override
    public List<HostedProcessor> processors() {
        return List.of(authorizations, reactions);
    }

    @Override
    public void register(Routes routes) {
        // Accounting answers no requests: it only reacts.
    }
}
