package dev.cairn.lab.crud;

import dev.cairn.lab.Fixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The monolith's tables, as a careful CRUD team would lay them out: one row per thing, updated in
 * place, with foreign keys and {@code created_at}/{@code updated_at}, and no log of changes.
 */
final class Schema {

    private Schema() {}

    private static final String TABLES = """
            CREATE TABLE consumers (
              id text PRIMARY KEY, name text NOT NULL, active boolean NOT NULL,
              created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
            CREATE TABLE restaurants (
              id text PRIMARY KEY, name text NOT NULL,
              created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
            CREATE TABLE menu_items (
              restaurant_id text NOT NULL REFERENCES restaurants, menu_item_id text NOT NULL,
              name text NOT NULL, price_cents bigint NOT NULL, PRIMARY KEY (restaurant_id, menu_item_id));
            CREATE TABLE orders (
              id text PRIMARY KEY, consumer_id text NOT NULL, restaurant_id text NOT NULL REFERENCES restaurants,
              total_cents bigint NOT NULL, delivery_address text NOT NULL,
              state text NOT NULL, rejection_reason text,
              created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
            CREATE TABLE order_lines (
              order_id text NOT NULL REFERENCES orders, line_no int NOT NULL, menu_item_id text NOT NULL,
              name text NOT NULL, quantity int NOT NULL, price_cents bigint NOT NULL, PRIMARY KEY (order_id, line_no));
            CREATE TABLE tickets (
              order_id text PRIMARY KEY REFERENCES orders, restaurant_id text NOT NULL REFERENCES restaurants,
              state text NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
            CREATE TABLE payments (
              order_id text PRIMARY KEY REFERENCES orders, consumer_id text NOT NULL, amount_cents bigint NOT NULL,
              state text NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
            """;

    static void create(Connection connection, Fixture fixture, Instant now) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(TABLES);
        }
        insert(connection, "INSERT INTO consumers VALUES (?, 'Lab Consumer', true, ?, ?)", fixture.consumerId(), now);
        insert(connection, "INSERT INTO restaurants VALUES (?, 'Lab Kitchen', ?, ?)", fixture.restaurantId(), now);
        try (PreparedStatement item =
                connection.prepareStatement("INSERT INTO menu_items VALUES (?, ?, 'Lab Curry', ?)")) {
            item.setString(1, fixture.restaurantId());
            item.setString(2, fixture.menuItemId());
            item.setLong(3, fixture.priceCents());
            item.executeUpdate();
        }
    }

    private static void insert(Connection connection, String sql, String id, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.setObject(2, timestamp(now));
            statement.setObject(3, timestamp(now));
            statement.executeUpdate();
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
