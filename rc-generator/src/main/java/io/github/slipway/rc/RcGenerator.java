package io.github.slipway.rc;

import io.github.slipway.rc.internal.RcWriter;
import io.github.slipway.sailor.ShipConfig;
import java.util.Objects;

/**
 * Writes the minimal {@code /etc/rc} of a sailor ship, with its {@code /etc/fstab} and
 * {@code /etc/rc.conf}: the fakecracker article's hand-written rc, generated from the conf so that
 * it is right the first time and no conf value can turn into a command.
 *
 * <p>The rc mounts the file systems, brings up {@code lo0} and each {@code ip_<iface>}
 * address, sets the default route and host name, starts each of {@code services} (directly or
 * through {@code /etc/rc.d/NAME onestart}), runs the {@code run_at_start} commands verbatim, and
 * waits; on SIGTERM it stops the services and runs {@code run_at_stop} (an rc that does not
 * wait leaves those steps to an {@code /etc/rc.shutdown}, which shutdown(8) sources). Every value from the conf
 * is validated and single-quoted; a value that cannot be data is refused with an
 * {@link RcException} naming the key and the conf line. The same ship and options always give
 * the same bytes.
 *
 * <pre>{@code
 * RcFiles files = RcGenerator.generate(ship, RcOptions.defaults()
 *         .withServiceStyle(ServiceStyle.DIRECT)
 *         .withServiceCommand("nginx", List.of("/usr/pkg/sbin/nginx"))
 *         .withFinalWait(FinalWait.tail("/var/log/nginx/access.log")));
 * String rc = files.rc().text();   // "#!/bin/sh\n..."
 * }</pre>
 */
public final class RcGenerator {
    private RcGenerator() {
    }

    /**
     * The rc, fstab and rc.conf for {@code ship}.
     *
     * @param ship    the parsed conf
     * @param options how to write them
     * @return the three files with their modes
     * @throws RcException if a conf value cannot be used; the message starts with
     *                     {@code file:line:column: key:}
     */
    public static RcFiles generate(ShipConfig ship, RcOptions options) throws RcException {
        Objects.requireNonNull(ship, "ship");
        Objects.requireNonNull(options, "options");
        return RcWriter.write(ship, options);
    }
}
