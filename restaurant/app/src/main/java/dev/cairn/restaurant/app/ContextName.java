package dev.cairn.restaurant.app;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The seven contexts, named as on the command line. */
public enum ContextName {
    CONSUMERS("consumers"),
    RESTAURANTS("restaurants"),
    ORDERING("ordering"),
    KITCHEN("kitchen"),
    ACCOUNTING("accounting"),
    DELIVERY("delivery"),
    ORDER_HISTORY("order-history");

    private final String label;

    ContextName(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Parses {@code a,b,c}.
     *
     * @throws IllegalArgumentException naming the unknown context and the known ones
     */
    public static Set<ContextName> parse(String list) {
        if (list == null || list.isBlank()) {
            return EnumSet.allOf(ContextName.class);
        }
        Set<ContextName> names = EnumSet.noneOf(ContextName.class);
        for (String part : list.split(",")) {
            String wanted = part.trim();
            names.add(Arrays.stream(values())
                    .filter(n -> n.label.equals(wanted))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalArgumentException("unknown context '" + wanted + "'; known: " + labels())));
        }
        return names;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(ContextName::label).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return label;
    }
}
