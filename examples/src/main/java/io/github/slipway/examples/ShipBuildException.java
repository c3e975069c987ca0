package io.github.slipway.examples;

import java.io.IOException;

/**
 * A ship that cannot be built: a missing shipbin (the message starts with its conf line), a
 * library chain that ends in nothing, a file that cannot be read, a clash between two sources of
 * the same path. The message is one line that starts with where the problem is.
 *
 * <pre>{@code
 * try {
 *     ShipImageBuilder.builder().conf(Path.of("nginx.conf")).build().build(Path.of("nginx.img"));
 * } catch (ShipBuildException e) {
 *     System.err.println("slipway: " + e.getMessage()); // nginx.conf:3:1: shipbins: /usr/bin/nc -> ...
 * }
 * }</pre>
 */
public final class ShipBuildException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with a message that says where and what.
     *
     * @param message where, then what
     * @param cause   the underlying failure, if any
     */
    public ShipBuildException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An error with a message that says where and what.
     *
     * @param message where, then what
     */
    public ShipBuildException(String message) {
        super(message);
    }
}
