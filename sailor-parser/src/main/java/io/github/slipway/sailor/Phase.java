package io.github.slipway.sailor;

import java.util.Locale;
import java.util.Optional;

/**
 * The moments at which sailor runs a ship's {@code run_at_*} commands.
 *
 * <pre>{@code
 * Phase.START.key();             // "run_at_start"
 * Phase.fromKey("run_at_stop");  // Optional[STOP]
 * }</pre>
 */
public enum Phase {
    /** {@code run_at_build}: inside the ship's chroot, while sailor builds it. */
    BUILD,
    /** {@code run_at_start}: when the ship starts. */
    START,
    /** {@code run_at_stop}: when the ship stops. */
    STOP,
    /** {@code run_at_status}: when sailor is asked for the ship's status. */
    STATUS,
    /** {@code run_at_destroy}: when the ship is destroyed. */
    DESTROY;

    /** {@return the conf key of this phase, e.g. {@code run_at_start}} */
    public String key() {
        return "run_at_" + name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@return the phase whose {@link #key()} is {@code key}, if any}
     *
     * @param key a conf key such as {@code run_at_start}
     */
    public static Optional<Phase> fromKey(String key) {
        for (Phase p : values()) {
            if (p.key().equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
