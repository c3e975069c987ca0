package io.github.slipway.rc;

import java.util.List;
import java.util.Objects;

/**
 * The files {@link RcGenerator} writes for a ship: {@code /etc/rc} (0755), {@code /etc/fstab}
 * and {@code /etc/rc.conf} (0644).
 *
 * <pre>{@code
 * RcFiles files = RcGenerator.generate(ship, RcOptions.defaults());
 * for (RcFile f : files.all()) {
 *     Files.writeString(shipRoot.resolve(f.path().substring(1)), f.text());
 * }
 * }</pre>
 *
 * @param rc     {@code /etc/rc}, the script init runs at boot
 * @param fstab  {@code /etc/fstab}, the root file system for {@code mount -a}
 * @param rcConf {@code /etc/rc.conf}, {@code rc_configured=YES} and one {@code NAME=YES} per service
 * @param commands the programs the rc itself runs through PATH ({@code mount}, {@code ifconfig},
 *                 ..., and the helpers {@code mount -a} needs), sorted, for the ship builder to
 *                 copy; the services' own commands and the user's {@code run_at_*} code are not
 *                 included
 */
public record RcFiles(RcFile rc, RcFile fstab, RcFile rcConf, List<String> commands) {
    /** Checks that nothing is null and copies the list. */
    public RcFiles {
        Objects.requireNonNull(rc, "rc");
        Objects.requireNonNull(fstab, "fstab");
        Objects.requireNonNull(rcConf, "rcConf");
        commands = List.copyOf(commands);
    }

    /**
     * The three files, in path order.
     *
     * @return fstab, rc, rc.conf
     */
    public List<RcFile> all() {
        return List.of(fstab, rc, rcConf);
    }
}
