package dev.cairn.core.store;

/**
 * Rules for stream ids. A stream id is {@code category-rest}: the category names the kind of
 * entity (e.g. {@code order}), and filtered reads of the log select by it.
 */
public final class StreamIds {

    /** Longest accepted stream id, in characters. */
    public static final int MAX_LENGTH = 255;

    private StreamIds() {}

    /** The part before the first '-', or the whole id when it has none. */
    public static String category(String streamId) {
        int dash = streamId.indexOf('-');
        return dash < 0 ? streamId : streamId.substring(0, dash);
    }

    /** Builds {@code category-id}. */
    public static String of(String category, String id) {
        return requireValid(category + "-" + id);
    }

    /**
     * Checks a stream id and returns it.
     *
     * @throws IllegalArgumentException when it is blank, too long, or holds control characters
     */
    public static String requireValid(String streamId) {
        if (streamId == null || streamId.isBlank()) {
            throw new IllegalArgumentException("stream id must not be blank");
        }
        if (streamId.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "stream id longer than " + MAX_LENGTH + " characters: " + streamId.substring(0, 40) + "…");
        }
        for (int i = 0; i < streamId.length(); i++) {
            if (Character.isISOControl(streamId.charAt(i))) {
                throw new IllegalArgumentException("stream id holds a control character at index " + i);
            }
        }
        return streamId;
    }
}
