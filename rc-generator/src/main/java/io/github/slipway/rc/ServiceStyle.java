package io.github.slipway.rc;

/**
 * How {@code /etc/rc} starts the ship's {@code services}.
 *
 * <pre>{@code
 * RcOptions.defaults().withServiceStyle(ServiceStyle.DIRECT)
 *         .withServiceCommand("nginx", List.of("/usr/pkg/sbin/nginx"));
 * }</pre>
 */
public enum ServiceStyle {
    /**
     * The fast path of the fakecracker article: run the command the caller gave for each service
     * ({@link RcOptions#serviceCommands()}), skipping rc.subr entirely.
     */
    DIRECT,
    /** The compatible path: {@code /etc/rc.d/NAME onestart}, as sailor's {@code start} does. */
    RCD
}
