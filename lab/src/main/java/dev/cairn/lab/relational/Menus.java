package dev.cairn.lab.relational;

import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.MenuItem;
import dev.cairn.restaurant.ordering.domain.KnownRestaurant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A restaurant and its menu, read from the {@code restaurants} and {@code menu_items} rows an order is priced against. */
public final class Menus {

    private Menus() {}

    /**
     * @param forShare whether to read the rows {@code FOR SHARE}, so a concurrent menu change waits for
     *                 the transaction that prices an order against them (needed where the order is
     *                 written in the same transaction as the menu is read)
     */
    public static Optional<KnownRestaurant> restaurant(Connection tx, String restaurantId, boolean forShare)
            throws SQLException {
        String sql = "SELECT r.name, m.menu_item_id, m.name, m.price_cents FROM restaurants r"
                + " JOIN menu_items m ON m.restaurant_id = r.id WHERE r.id = ?"
                + (forShare ? " FOR SHARE OF r, m" : "");
        String name = null;
        List<MenuItem> items = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(tx, sql, restaurantId);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                name = rows.getString(1);
                items.add(new MenuItem(rows.getString(2), rows.getString(3), rows.getLong(4)));
            }
        }
        return name == null ? Optional.empty() : Optional.of(new KnownRestaurant(restaurantId, name, new Menu(items)));
    }
}
