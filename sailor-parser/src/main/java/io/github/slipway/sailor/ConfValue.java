package io.github.slipway.sailor;

import java.util.Objects;

/**
 * The final value of one conf variable and where it was last assigned.
 *
 * @param name     the variable name, e.g. {@code shipbins}
 * @param value    the value after quote removal and expansion, as {@code /bin/sh} would hold it
 * @param position the position of the assignment that set this value last
 */
public record ConfValue(String name, String value, SourcePosition position) {
    /** Checks that nothing is null. */
    public ConfValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }
}
