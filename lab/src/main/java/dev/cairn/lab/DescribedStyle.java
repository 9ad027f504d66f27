package dev.cairn.lab;

import java.util.Optional;

/**
 * A style that states its name and shape once, when it is made, and to which every fault applies
 * unless it overrides {@link #inapplicable} to say why one cannot.
 */
public abstract class DescribedStyle implements Style {

    private final String name;
    private final String shape;

    protected DescribedStyle(String name, String shape) {
        this.name = name;
        this.shape = shape;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String shape() {
        return shape;
    }

    @Override
    public Optional<String> inapplicable(Fault fault) {
        return Optional.empty();
    }
}
