package io.github.slipway.rc;

import io.github.slipway.sailor.SourcePosition;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A conf value that cannot go into {@code /etc/rc}: not a valid address, interface, service
 * name or host name, or shell code that would not end where it starts.
 *
 * <p>The message starts with where the value was set, then names the key:
 * {@code nginx.conf:5:1: ip_vioif0: '10.0.0.2/24;' is not an IPv4 or IPv6 address}.
 *
 * <pre>{@code
 * try {
 *     RcGenerator.generate(ship, RcOptions.defaults());
 * } catch (RcException e) {
 *     e.key();       // "ip_vioif0"
 *     e.position();  // Optional[nginx.conf:5:1]
 * }
 * }</pre>
 */
public final class RcException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The conf key at fault. */
    private final String key;
    /** Where the key was set; absent for values the ship did not come with a position for. */
    private final transient SourcePosition position;

    /**
     * An error about the value of {@code key}.
     *
     * @param key      the conf key, e.g. {@code ip_vioif0} or {@code run_at_start}
     * @param position where it was set, if known
     * @param what     what is wrong with it
     */
    public RcException(String key, Optional<SourcePosition> position, String what) {
        super(position.map(p -> p + ": ").orElse("") + key + ": " + what);
        this.key = Objects.requireNonNull(key, "key");
        this.position = position.orElse(null);
    }

    /**
     * The conf key whose value was refused.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * Where the refused value was set, if known.
     *
     * @return the value
     */
    public Optional<SourcePosition> position() {
        return Optional.ofNullable(position);
    }
}
