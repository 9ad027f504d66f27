package dev.cairn.lab.relational;

import dev.cairn.restaurant.contracts.OrderLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** An order's {@code order_lines} rows, numbered in the order's own order: the same table in both SQL styles. */
public final class OrderLines {

    private OrderLines() {}

    public static void insert(Connection tx, String orderId, List<OrderLine> lines) throws SQLException {
        int lineNo = 0;
        for (OrderLine line : lines) {
            Sql.update(
                    tx,
                    "INSERT INTO order_lines VALUES (?, ?, ?, ?, ?, ?)",
                    orderId,
                    lineNo++,
                    line.menuItemId(),
                    line.name(),
                    line.quantity(),
                    line.priceCents());
        }
    }

    public static List<OrderLine> read(Connection tx, String orderId) throws SQLException {
        List<OrderLine> lines = new ArrayList<>();
        String sql =
                "SELECT menu_item_id, name, quantity, price_cents FROM order_lines WHERE order_id = ? ORDER BY line_no";
        try (PreparedStatement statement = Sql.prepare(tx, sql, orderId);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                lines.add(new OrderLine(row.getString(1), row.getString(2), row.getInt(3), row.getLong(4)));
            }
        }
        return lines;
    }
}
