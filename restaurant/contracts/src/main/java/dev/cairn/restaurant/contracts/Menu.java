package dev.cairn.restaurant.contracts;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A restaurant's whole menu: what ordering prices orders against (through its replica).
 *
 * @param items {@code 1..}{@link #MAX_ITEMS} items with distinct ids
 */
public record Menu(List<MenuItem> items) {

    public static final int MAX_ITEMS = 200;

    public Menu {
        items = Require.list("menu", items, 1, MAX_ITEMS);
        Set<String> ids = new HashSet<>();
        for (MenuItem item : items) {
            if (!ids.add(item.menuItemId())) {
                throw Require.invalid("menu lists menuItemId " + item.menuItemId() + " more than once");
            }
        }
    }

    /** The item with this id, if the menu has it. */
    public Optional<MenuItem> item(String menuItemId) {
        return items.stream()
                .filter(item -> item.menuItemId().equals(menuItemId))
                .findFirst();
    }
}
