package dev.cairn.http;

/**
 * The one place that knows how a log position is written on the wire: as a decimal string. Every
 * answer that carries a position ({@code "position"}, {@code Cairn-Position}, {@code next}) and
 * every parameter that takes one ({@code consistentWith}, {@code after}) goes through here, so the
 * format can change (say, to an opaque token covering several partitions) without touching routes.
 */
public final class PositionToken {

    /** Longest accepted token: {@link Long#MAX_VALUE} has 19 digits. */
    private static final int MAX_DIGITS = 19;

    private PositionToken() {}

    /**
     * The token for a log position.
     *
     * @throws IllegalArgumentException when the position is negative
     */
    public static String format(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a log position is never negative, was " + position);
        }
        return Long.toString(position);
    }

    /**
     * The log position a token stands for.
     *
     * @throws IllegalArgumentException when the token is not one this class formats
     */
    public static long parse(String token) {
        if (token == null || token.isEmpty() || !allDigits(token)) {
            throw new IllegalArgumentException(
                    describe(token) + " is not a log position (a decimal number such as \"42\")");
        }
        try {
            if (token.length() <= MAX_DIGITS) {
                return Long.parseLong(token);
            }
        } catch (NumberFormatException tooLarge) {
            // answered below, like a token with too many digits
        }
        throw new IllegalArgumentException(describe(token) + " is beyond the largest log position");
    }

    private static boolean allDigits(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String describe(String token) {
        if (token == null) {
            return "a missing value";
        }
        String shown = token.length() > 40 ? token.substring(0, 40) + "…" : token;
        return "'" + shown + "'";
    }
}
