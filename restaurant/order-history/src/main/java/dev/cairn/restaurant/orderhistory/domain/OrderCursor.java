package dev.cairn.restaurant.orderhistory.domain;

import dev.cairn.restaurant.contracts.Require;
import java.util.Base64;

/**
 * Where a page ended: "orders created before this log position". Positions only grow, so paging
 * stays stable while new orders arrive (they land before the first page, never inside a later one),
 * and the same cursor works with any filter. Clients get it as an opaque string:
 * {@code base64url("o1:" + position)}, unpadded; the version prefix leaves room for a new format.
 */
public record OrderCursor(long createdPosition) {

    private static final String PREFIX = "o1:";

    public OrderCursor {
        if (createdPosition < 1) {
            throw new IllegalArgumentException("a cursor points at a positive log position, not " + createdPosition);
        }
    }

    // The text is ASCII, which every charset encodes alike, so no charset needs naming here.
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + createdPosition).getBytes());
    }

    /** @throws dev.cairn.core.model.Rejection INVALID when the text is not a cursor this service issued */
    public static OrderCursor decode(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text));
            if (decoded.startsWith(PREFIX)) {
                return new OrderCursor(Long.parseLong(decoded.substring(PREFIX.length())));
            }
        } catch (IllegalArgumentException malformed) {
            // falls through: NumberFormatException is an IllegalArgumentException too
        }
        throw Require.invalid("cursor is not one this service issued: " + abbreviated(text));
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
