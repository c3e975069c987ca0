package io.github.slipway.rc;

import io.github.slipway.rc.internal.IpAddress;
import io.github.slipway.rc.internal.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link RcGenerator} writes a ship's {@code /etc/rc}, {@code /etc/fstab} and
 * {@code /etc/rc.conf}. Immutable; start from {@link #defaults()} and change what you need.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>effect</th></tr>
 * <tr><td>{@code serviceStyle}</td><td>{@link ServiceStyle#RCD}</td>
 *     <td>{@code /etc/rc.d/NAME onestart}, or the command from {@code serviceCommands}</td></tr>
 * <tr><td>{@code serviceCommands}</td><td>none</td>
 *     <td>per service, the argument vector that starts it ({@link ServiceStyle#DIRECT} only);
 *     each word is single-quoted, so it is data, never code</td></tr>
 * <tr><td>{@code packagePrefix}</td><td>{@code /usr/pkg}</td>
 *     <td>adds {@code PREFIX/sbin:PREFIX/bin} to PATH; empty adds nothing</td></tr>
 * <tr><td>{@code rootDevice}</td><td>{@code /dev/ld0a}</td>
 *     <td>the fstab root: a device path or {@code NAME=label}</td></tr>
 * <tr><td>{@code tmpfsMounts}</td><td>none</td>
 *     <td>mount points that get {@code mount -t tmpfs tmpfs DIR} after {@code mount -a}</td></tr>
 * <tr><td>{@code defaultRoute}</td><td>none</td>
 *     <td>gateway for {@code route add default} (IPv6: {@code route add -inet6 default})</td></tr>
 * <tr><td>{@code hostnameFromShipname}</td><td>true</td>
 *     <td>{@code hostname SHIPNAME}</td></tr>
 * <tr><td>{@code finalWait}</td><td>{@link FinalWait#sleep()}</td>
 *     <td>what the rc does at the end (wait, follow a log, or return)</td></tr>
 * </table>
 *
 * <pre>{@code
 * RcOptions o = RcOptions.defaults()
 *         .withServiceStyle(ServiceStyle.DIRECT)
 *         .withServiceCommand("nginx", List.of("/usr/pkg/sbin/nginx"))
 *         .withTmpfsMounts(List.of("/tmp", "/var/run"))
 *         .withFinalWait(FinalWait.tail("/var/log/nginx/access.log"));
 * }</pre>
 *
 * @param serviceStyle         how services start
 * @param serviceCommands      service name to the words of its start command (DIRECT style)
 * @param packagePrefix        the package prefix added to PATH, if any
 * @param rootDevice           the root file system's device path or {@code NAME=label}
 * @param tmpfsMounts          tmpfs mount points, mounted in this order
 * @param defaultRoute         the default gateway, if any
 * @param hostnameFromShipname whether to set the host name to the ship's name
 * @param finalWait            what the rc does once everything is started
 */
public record RcOptions(
        ServiceStyle serviceStyle,
        Map<String, List<String>> serviceCommands,
        Optional<String> packagePrefix,
        String rootDevice,
        List<String> tmpfsMounts,
        Optional<String> defaultRoute,
        boolean hostnameFromShipname,
        FinalWait finalWait) {

    /** The root device a Firecracker-style NetBSD guest sees: the first virtio disk. */
    public static final String DEFAULT_ROOT_DEVICE = "/dev/ld0a";
    /** pkgsrc's default prefix on NetBSD. */
    public static final String DEFAULT_PACKAGE_PREFIX = "/usr/pkg";

    /**
     * Validates every value and copies the collections.  @throws IllegalArgumentException naming the option and the bad value
     *
     * @param serviceStyle how services start
     * @param serviceCommands service name to the words of its start command (DIRECT style)
     * @param packagePrefix the package prefix added to PATH, if any
     * @param rootDevice the root file system's device path or {@code NAME=label}
     * @param tmpfsMounts tmpfs mount points, mounted in this order
     * @param defaultRoute the default gateway, if any
     * @param hostnameFromShipname whether to set the host name to the ship's name
     * @param finalWait what the rc does once everything is started
     */
    public RcOptions {
        Objects.requireNonNull(serviceStyle, "serviceStyle");
        Objects.requireNonNull(packagePrefix, "packagePrefix");
        Objects.requireNonNull(rootDevice, "rootDevice");
        Objects.requireNonNull(defaultRoute, "defaultRoute");
        Objects.requireNonNull(finalWait, "finalWait");
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : serviceCommands.entrySet()) {
            String name = e.getKey();
            Values.checkService(name).ifPresent(w -> fail("serviceCommands", w));
            List<String> words = List.copyOf(e.getValue());
            if (words.isEmpty()) {
                fail("serviceCommands", "service " + name + " has an empty command");
            }
            for (String w : words) {
                if (w.indexOf('\0') >= 0 || w.indexOf('\n') >= 0 || w.indexOf('\r') >= 0) {
                    fail("serviceCommands", "service " + name + ": word " + Values.show(w)
                            + " holds a NUL or a line break");
                }
            }
            commands.put(name, words);
        }
        if (serviceStyle == ServiceStyle.RCD && !commands.isEmpty()) {
            fail("serviceCommands", "commands " + commands.keySet()
                    + " are only used with ServiceStyle.DIRECT");
        }
        serviceCommands = Collections.unmodifiableMap(commands);
        packagePrefix.flatMap(Values::checkPlainPath).ifPresent(w -> fail("packagePrefix", w));
        if (rootDevice.startsWith("NAME=")) {
            Values.checkFsLabel(rootDevice.substring(5)).ifPresent(w -> fail("rootDevice", w));
        } else {
            Values.checkPlainPath(rootDevice).ifPresent(w -> fail("rootDevice", w));
        }
        tmpfsMounts = List.copyOf(tmpfsMounts);
        for (String m : tmpfsMounts) {
            Values.checkQuotedPath(m).ifPresent(w -> fail("tmpfsMounts", w));
        }
        defaultRoute.ifPresent(r -> {
            Optional<IpAddress> a = IpAddress.parse(r);
            if (a.isEmpty() || a.get().prefix().isPresent()) {
                fail("defaultRoute", Values.show(r) + " is not an IPv4 or IPv6 address");
            }
        });
        finalWait.file().flatMap(Values::checkQuotedPath).ifPresent(w -> fail("finalWait", w));
    }

    private static void fail(String option, String what) {
        throw new IllegalArgumentException(option + ": " + what);
    }

    /**
     * rc.d services, {@code /usr/pkg}, {@code /dev/ld0a}, no tmpfs, no route, host name on, wait forever.
     *
     * @return a new options record
     */
    public static RcOptions defaults() {
        return new RcOptions(ServiceStyle.RCD, Map.of(), Optional.of(DEFAULT_PACKAGE_PREFIX),
                DEFAULT_ROOT_DEVICE, List.of(), Optional.empty(), true, FinalWait.sleep());
    }

    /**
     * A copy with another service style.
     *
     * @param style the new service style
     * @return a new options record
     */
    public RcOptions withServiceStyle(ServiceStyle style) {
        return new RcOptions(style, serviceCommands, packagePrefix, rootDevice, tmpfsMounts,
                defaultRoute, hostnameFromShipname, finalWait);
    }

    /**
     * A copy with these service commands (service name to argument vector).
     *
     * @param commands service name to argument vector
     * @return a new options record
     */
    public RcOptions withServiceCommands(Map<String, List<String>> commands) {
        return new RcOptions(serviceStyle, commands, packagePrefix, rootDevice, tmpfsMounts,
                defaultRoute, hostnameFromShipname, finalWait);
    }

    /**
     * A copy with the start command of one more service (replacing an earlier one).
     *
     * @param service the service, as listed in the conf's services
     * @param words the command and its arguments, each passed as one word
     * @return a new options record
     */
    public RcOptions withServiceCommand(String service, List<String> words) {
        Map<String, List<String>> m = new LinkedHashMap<>(serviceCommands);
        m.put(service, words);
        return withServiceCommands(m);
    }

    /**
     * A copy with another package prefix, or none.
     *
     * @param prefix the prefix, e.g. /usr/pkg, or empty for none
     * @return a new options record
     */
    public RcOptions withPackagePrefix(Optional<String> prefix) {
        return new RcOptions(serviceStyle, serviceCommands, prefix, rootDevice, tmpfsMounts,
                defaultRoute, hostnameFromShipname, finalWait);
    }

    /**
     * A copy with another root device ({@code /dev/wd0a}, {@code NAME=root}).
     *
     * @param device a device path or NAME=label
     * @return a new options record
     */
    public RcOptions withRootDevice(String device) {
        return new RcOptions(serviceStyle, serviceCommands, packagePrefix, device, tmpfsMounts,
                defaultRoute, hostnameFromShipname, finalWait);
    }

    /**
     * A copy with these tmpfs mount points.
     *
     * @param mounts absolute mount points
     * @return a new options record
     */
    public RcOptions withTmpfsMounts(List<String> mounts) {
        return new RcOptions(serviceStyle, serviceCommands, packagePrefix, rootDevice,
                new ArrayList<>(mounts), defaultRoute, hostnameFromShipname, finalWait);
    }

    /**
     * A copy with this default gateway, or none.
     *
     * @param gateway an IPv4 or IPv6 address, or empty for none
     * @return a new options record
     */
    public RcOptions withDefaultRoute(Optional<String> gateway) {
        return new RcOptions(serviceStyle, serviceCommands, packagePrefix, rootDevice, tmpfsMounts,
                gateway, hostnameFromShipname, finalWait);
    }

    /**
     * A copy that sets (or not) the host name from {@code shipname}.
     *
     * @param on whether to set it
     * @return a new options record
     */
    public RcOptions withHostnameFromShipname(boolean on) {
        return new RcOptions(serviceStyle, serviceCommands, packagePrefix, rootDevice, tmpfsMounts,
                defaultRoute, on, finalWait);
    }

    /**
     * A copy with another ending.
     *
     * @param wait the new ending
     * @return a new options record
     */
    public RcOptions withFinalWait(FinalWait wait) {
        return new RcOptions(serviceStyle, serviceCommands, packagePrefix, rootDevice, tmpfsMounts,
                defaultRoute, hostnameFromShipname, wait);
    }
}
