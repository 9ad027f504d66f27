package dev.cairn.lab.async;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.command.CommandSender;
import dev.cairn.lab.Fault;
import dev.cairn.lab.Fixture;
import dev.cairn.lab.async.ServiceMessage.ToAccounting;
import dev.cairn.lab.async.ServiceMessage.ToConsumer;
import dev.cairn.lab.async.ServiceMessage.ToKitchen;
import dev.cairn.lab.eventsourced.EventSourcedRun;
import dev.cairn.lab.eventsourced.OrderLog;
import dev.cairn.restaurant.accounting.domain.PaymentCommand;
import dev.cairn.restaurant.accounting.domain.PaymentDecider;
import dev.cairn.restaurant.app.Narrowed;
import dev.cairn.restaurant.consumers.domain.Consumer;
import dev.cairn.restaurant.consumers.domain.ConsumerCommand;
import dev.cairn.restaurant.consumers.domain.ConsumerDecider;
import dev.cairn.restaurant.consumers.domain.VerificationCommand;
import dev.cairn.restaurant.consumers.domain.VerificationDecider;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.MenuItem;
import dev.cairn.restaurant.contracts.PaymentEvent;
import dev.cairn.restaurant.contracts.Streams;
import dev.cairn.restaurant.contracts.TicketEvent;
import dev.cairn.restaurant.kitchen.domain.TicketCommand;
import dev.cairn.restaurant.kitchen.domain.TicketDecider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The four services on one file store in the run's directory, each owning its streams and its
 * checkpoint: order ({@code order-}, {@code restaurant-}, and the messages it sends), consumer
 * ({@code consumer-}, {@code verification-}), kitchen ({@code ticket-}), accounting ({@code payment-}).
 */
final class AsyncRun extends EventSourcedRun {

    static final String MENU_ITEM_ID = "lab-dish";
    static final long PRICE_CENTS = 1_250;
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final EventCodec<ServiceMessage> messages = ServiceMessage.codec();
    private final Outbox outbox;
    private final CommandHandler<ConsumerCommand, Consumer, ConsumerEvent> consumers;
    private final InboxService<ToConsumer, VerificationCommand> consumer;
    private final InboxService<ToKitchen, TicketCommand> kitchen;
    private final InboxService<ToAccounting, PaymentCommand> accounting;
    private final OrderLog log;
    private final int orderPort;
    private OrderService order;

    private AsyncRun(Path directory) {
        super(directory);
        this.outbox = new Outbox(store, messages);
        EventCodec<ConsumerEvent> consumerEvents = Narrowed.codec(codec, ConsumerEvent.class);
        this.consumers = CommandHandler.of(store, new ConsumerDecider(), consumerEvents, ConsumerCommand::streamId);
        var verifications =
                CommandHandler.of(store, new VerificationDecider(), consumerEvents, VerificationCommand::streamId);
        this.consumer = inboxService(
                "consumer.inbox", ToConsumer.INBOX, ToConsumer.class, this::verification, verifications::handle);
        var tickets = CommandHandler.of(
                store, new TicketDecider(), Narrowed.codec(codec, TicketEvent.class), TicketCommand::streamId);
        this.kitchen = inboxService(
                "kitchen.inbox", ToKitchen.INBOX, ToKitchen.class, AsyncRun::ticketCommand, tickets::handle);
        var payments = CommandHandler.of(
                store, new PaymentDecider(), Narrowed.codec(codec, PaymentEvent.class), PaymentCommand::streamId);
        this.accounting = inboxService(
                "accounting.inbox", ToAccounting.INBOX, ToAccounting.class, AsyncRun::paymentCommand, payments::handle);
        this.log = new OrderLog(
                store, codec, writers(), Set.of(OrderService.SAGA, consumer.name(), kitchen.name(), accounting.name()));
        List.of(consumer, kitchen, accounting).forEach(InboxService::start);
        this.order = OrderService.start(store, checkpoints, codec, outbox, HOST, 0);
        this.orderPort = order.port();
    }

    static AsyncRun start(Path directory) throws Exception {
        return ready(new AsyncRun(directory));
    }

    /** A service on this run's log and checkpoints, acting on the messages in {@code inboxCategory}. */
    private <M extends ServiceMessage, C> InboxService<M, C> inboxService(
            String name, String inboxCategory, Class<M> addressed, Function<M, C> command, CommandSender<C> handler) {
        return new InboxService<>(name, store, checkpoints, messages, inboxCategory, addressed, command, handler);
    }

    /** The consumer through the consumer service's command, the restaurant through the order service's. */
    @Override
    protected Fixture createFixture() {
        String consumerId = UUID.randomUUID().toString();
        CommandResult registered = consumers.handle(
                new ConsumerCommand.RegisterConsumer(consumerId, "Lab Consumer"),
                CommandContext.startingWith(UUID.randomUUID()));
        if (!registered.accepted()) {
            throw new IllegalStateException("registering the lab's consumer: " + registered);
        }
        String restaurantId =
                order.registerRestaurant("Lab Kitchen", new MenuItem(MENU_ITEM_ID, "Lab Dish", PRICE_CENTS));
        return new Fixture(consumerId, UUID.randomUUID().toString(), restaurantId, MENU_ITEM_ID, PRICE_CENTS);
    }

    /** The consumer's standing is the consumer service's own state: its consumer stream. */
    private VerificationCommand verification(ToConsumer message) {
        return switch (message) {
            case ServiceMessage.VerifyConsumer verify ->
                new VerificationCommand.VerifyConsumer(
                        verify.orderId(),
                        verify.consumerId(),
                        consumers
                                .currentState(Streams.consumer(verify.consumerId()))
                                .standing());
        };
    }

    private static TicketCommand ticketCommand(ToKitchen message) {
        return switch (message) {
            case ServiceMessage.CreateTicket create ->
                new TicketCommand.CreateTicket(create.orderId(), create.restaurantId(), create.lines());
            case ServiceMessage.ConfirmTicket confirm -> new TicketCommand.ConfirmTicket(confirm.orderId());
            case ServiceMessage.RejectTicket reject ->
                new TicketCommand.RejectTicketCreation(reject.orderId(), reject.reason());
        };
    }

    private static PaymentCommand paymentCommand(ToAccounting message) {
        return switch (message) {
            case ServiceMessage.AuthorizePayment authorize ->
                new PaymentCommand.AuthorizePayment(
                        authorize.orderId(), authorize.consumerId(), authorize.amountCents(), authorize.paymentToken());
        };
    }

    /** Who writes each stream of an order: the services their own, the order service the messages it sends. */
    private static Map<String, String> writers() {
        Map<String, String> writers = new HashMap<>(OrderLog.restaurantWriters());
        writers.put(ToConsumer.INBOX, "order");
        writers.put(ToKitchen.INBOX, "order");
        writers.put(ToAccounting.INBOX, "order");
        return writers;
    }

    @Override
    protected void awaitOrderCaughtUp() throws InterruptedException {
        order.awaitCaughtUp(CATCH_UP);
    }

    @Override
    protected int orderPort() {
        return orderPort;
    }

    @Override
    public synchronized void inject(Fault fault) {
        switch (fault) {
            case KITCHEN_DOWN -> kitchen.stop();
            case ACCOUNTING_SLOW -> accounting.delay(Duration.ofMillis(Fault.ACCOUNTING_DELAY_MS));
            case ORDER_CRASH -> {
                order.crash();
                order = null;
            }
        }
    }

    @Override
    public synchronized void heal(Fault fault) throws InterruptedException {
        switch (fault) {
            case KITCHEN_DOWN -> kitchen.start();
            case ACCOUNTING_SLOW -> accounting.delay(Duration.ZERO);
            case ORDER_CRASH -> {
                order = OrderService.start(store, checkpoints, codec, outbox, HOST, orderPort);
                order.awaitCaughtUp(CATCH_UP);
            }
        }
    }

    @Override
    protected OrderLog log() {
        return log;
    }

    boolean kitchenRunning() {
        return kitchen.running();
    }

    @Override
    protected synchronized void stopServices() {
        if (order != null) {
            order.stop();
            order = null;
        }
        List.of(consumer, kitchen, accounting).forEach(InboxService::stop);
    }
}
