package io.github.slipway.rc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The files {@link RcGenerator} writes for a ship: {@code /etc/rc} (0755), {@code /etc/fstab}
 * and {@code /etc/rc.conf} (0644), and {@code /etc/rc.shutdown} (0644) when the rc does not stay.
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
 * @param rcShutdown {@code /etc/rc.shutdown} (0644, sourced by shutdown(8)) with the stop steps,
 *                 present only for {@link FinalWait#exit()}: otherwise the rc itself is still
 *                 running at shutdown and its trap stops the ship
 * @param commands the programs the rc itself runs through PATH ({@code mount}, {@code ifconfig},
 *                 ..., and the helpers {@code mount -a} needs), sorted, for the ship builder to
 *                 copy; the services' own commands and the user's {@code run_at_*} code are not
 *                 included
 */
public record RcFiles(RcFile rc, RcFile fstab, RcFile rcConf, Optional<RcFile> rcShutdown,
        List<String> commands) {
    /**
     * Checks that nothing is null and copies the list.
     *
     * @param rc {@code /etc/rc}, the script init runs at boot
     * @param fstab {@code /etc/fstab}, the root file system for {@code mount -a}
     * @param rcConf {@code /etc/rc.conf}, {@code rc_configured=YES} and one {@code NAME=YES} per service
     * @param rcShutdown {@code /etc/rc.shutdown} (0644, sourced by shutdown(8)) with the stop steps, present only for {@link FinalWait#exit()}: otherwise the rc itself is still running at shutdown and its trap stops the ship
     * @param commands the programs the rc itself runs through PATH ({@code mount}, {@code ifconfig}, ..., and the helpers {@code mount -a} needs), sorted, for the ship builder to copy; the services' own commands and the user's {@code run_at_*} code are not included
     */
    public RcFiles {
        Objects.requireNonNull(rc, "rc");
        Objects.requireNonNull(fstab, "fstab");
        Objects.requireNonNull(rcConf, "rcConf");
        Objects.requireNonNull(rcShutdown, "rcShutdown");
        commands = List.copyOf(commands);
    }

    /**
     * The three files, in path order.
     *
     * @return fstab, rc, rc.conf and rc.shutdown if there is one
     */
    public List<RcFile> all() {
        List<RcFile> all = new ArrayList<>(List.of(fstab, rc, rcConf));
        rcShutdown.ifPresent(all::add);
        return List.copyOf(all);
    }
}
