package io.github.slipway.sailor;

import java.util.Objects;

/**
 * The final value of one conf variable and where it was last assigned.
 *
 * <pre>{@code
 * ShipConfig ship = ConfReader.builder().build().read(Path.of("nginx.conf"));
 * ship.value("shipname").ifPresent(v ->
 *         System.out.println(v.value() + " (set at " + v.position() + ")"));
 * }</pre>
 *
 * @param name     the variable name, e.g. {@code shipbins}
 * @param value    the value after quote removal and expansion, as {@code /bin/sh} would hold it
 * @param position the position of the assignment that set this value last
 */
public record ConfValue(String name, String value, SourcePosition position) {
    /**
     * Checks that nothing is null.
     *
     * @param name the variable name, e.g. {@code shipbins}
     * @param value the value after quote removal and expansion, as {@code /bin/sh} would hold it
     * @param position the position of the assignment that set this value last
     */
    public ConfValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }
}
