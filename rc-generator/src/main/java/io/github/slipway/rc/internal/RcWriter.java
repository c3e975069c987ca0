package io.github.slipway.rc.internal;

import io.github.slipway.rc.FinalWait;
import io.github.slipway.rc.RcException;
import io.github.slipway.rc.RcFile;
import io.github.slipway.rc.RcFiles;
import io.github.slipway.rc.RcOptions;
import io.github.slipway.rc.ServiceStyle;
import io.github.slipway.sailor.ConfValue;
import io.github.slipway.sailor.Phase;
import io.github.slipway.sailor.RunCommand;
import io.github.slipway.sailor.ShipConfig;
import io.github.slipway.sailor.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a {@link ShipConfig} as {@code /etc/rc}, {@code /etc/fstab} and {@code /etc/rc.conf}.
 *
 * <p>The rc follows the fakecracker article's hand-written one, in this order: environment,
 * {@code mount -a} and tmpfs mounts, {@code lo0} then each {@code ip_<iface>}, the default route,
 * the host name, the stop section (a function and a trap, see {@link #stopSection}), the
 * services, the {@code run_at_start} commands, the final wait. Every value from the conf or the
 * options is validated and single-quoted; the user's {@code run_at_*} code goes in verbatim,
 * each command in its own subshell (sailor runs each with its own {@code sh -c}, so a
 * {@code cd} or an {@code exit} in one does not reach the next, nor end the rc).
 */
public final class RcWriter {
    /** rc.d scripts, as NetBSD and sailor's {@code start} use them. */
    static final String RC_D = "/etc/rc.d/";
    /** The base PATH of the article's rc. */
    static final String BASE_PATH = "/sbin:/bin:/usr/sbin:/usr/bin";
    /** How long one {@code sleep} of the endless wait lasts, in seconds. */
    static final int SLEEP_SECONDS = 86400;

    private final ShipConfig ship;
    private final RcOptions options;
    /** Where {@link #line} writes: the rc, then the rc.shutdown. */
    private StringBuilder out = new StringBuilder();
    private final Set<String> commands = new TreeSet<>();

    private RcWriter(ShipConfig ship, RcOptions options) {
        this.ship = ship;
        this.options = options;
    }

    /**
     * The three files for {@code ship}.
     *
     * @throws RcException if a conf value cannot be used, naming the key and where it was set
     */
    public static RcFiles write(ShipConfig ship, RcOptions options) throws RcException {
        RcWriter w = new RcWriter(ship, options);
        List<Service> services = w.services();
        String rc = w.rc(services);
        Optional<RcFile> shutdown = Optional.empty();
        if (options.finalWait().kind() == FinalWait.Kind.EXIT) {
            w.out = new StringBuilder();
            shutdown = Optional.of(new RcFile("/etc/rc.shutdown", w.rcShutdown(services), 0644));
        }
        return new RcFiles(new RcFile("/etc/rc", rc, 0755),
                new RcFile("/etc/fstab", w.fstab(), 0644),
                new RcFile("/etc/rc.conf", w.rcConf(services), 0644),
                shutdown,
                List.copyOf(w.commands));
    }

    /** One service and the line that starts it; {@code stop} only for rc.d services. */
    private record Service(String name, String start, Optional<String> stop) {
    }

    private List<Service> services() throws RcException {
        Optional<ConfValue> value = ship.value("services");
        Optional<SourcePosition> at = value.map(ConfValue::position);
        if (value.isPresent() && value.get().value().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
            throw new RcException("services", at, Values.show(value.get().value())
                    + " is not a list of service names separated by blanks");
        }
        Set<String> names = new LinkedHashSet<>(ship.services());
        for (String name : names) {
            Optional<String> bad = Values.checkService(name);
            if (bad.isPresent()) {
                throw new RcException("services", at, bad.get());
            }
        }
        for (String name : options.serviceCommands().keySet()) {
            if (!names.contains(name)) {
                throw new RcException("services", at, "a start command is given for " + name
                        + ", which services does not list");
            }
        }
        List<Service> out = new ArrayList<>();
        for (String name : names) {
            if (options.serviceStyle() == ServiceStyle.RCD) {
                String script = ShellQuote.quote(RC_D + name);
                out.add(new Service(name, script + " onestart", Optional.of(script + " onestop")));
            } else {
                List<String> words = options.serviceCommands().get(name);
                if (words == null) {
                    throw new RcException("services", at, "service " + name
                            + " has no start command; give one, or start services through rc.d");
                }
                List<String> quoted = new ArrayList<>();
                for (String word : words) {
                    quoted.add(ShellQuote.quote(word));
                }
                out.add(new Service(name, String.join(" ", quoted), Optional.empty()));
            }
        }
        return out;
    }

    private String rc(List<Service> services) throws RcException {
        String shipname = ship.shipname().orElse("(unnamed)");
        line("#!/bin/sh");
        line("#");
        line("# /etc/rc of the ship " + ShellQuote.comment(shipname) + ", written by slipway"
                + confName().map(n -> " from " + ShellQuote.comment(n)).orElse("") + ".");
        line("# init(8) runs it at boot. It replaces NetBSD's rc.d boot sequence with the few");
        line("# steps this ship needs; edit the conf and generate it again, not this file.");
        line("#");
        line("");
        line("export HOME=/");
        line("export PATH=" + ShellQuote.quote(path()));
        line("umask 022");
        line("");
        mounts();
        network();
        if (options.hostnameFromShipname() && ship.shipname().isPresent()) {
            Optional<String> bad = Values.checkHostname(shipname);
            if (bad.isPresent()) {
                throw new RcException("shipname", ship.value("shipname").map(ConfValue::position),
                        bad.get() + "; rename the ship or turn the host name off");
            }
            line("hostname " + ShellQuote.quote(shipname));
            line("");
            commands.add("hostname");
        }
        stopSection(services);
        for (Service s : services) {
            if (options.serviceStyle() == ServiceStyle.DIRECT) {
                line("printf '\\nstarting %s.. ' " + ShellQuote.quote(s.name()));
                line(s.start());
                line("echo 'done'");
            } else {
                line(s.start());
            }
        }
        if (!services.isEmpty()) {
            line("");
        }
        for (RunCommand c : ship.runAt(Phase.START)) {
            userCode(c, "");
        }
        finalWait();
        return out.toString();
    }

    private String path() {
        return BASE_PATH + options.packagePrefix().map(p -> {
            String base = p.endsWith("/") ? p.substring(0, p.length() - 1) : p; // "/" gives "/sbin"
            return ":" + base + "/sbin:" + base + "/bin";
        }).orElse("");
    }

    private void mounts() {
        line("mount -a");
        commands.add("mount");
        commands.add("mount_ffs");
        for (String m : options.tmpfsMounts()) {
            line("mount -t tmpfs tmpfs " + ShellQuote.quote(m));
            commands.add("mount_tmpfs");
        }
        line("");
    }

    private void network() throws RcException {
        commands.add("ifconfig");
        line("ifconfig lo0 127.0.0.1 up");
        for (Map.Entry<String, String> e : ship.ipAddresses().entrySet()) {
            String iface = e.getKey();
            String key = ShipConfig.IP_PREFIX + iface;
            Optional<SourcePosition> at = ship.value(key).map(ConfValue::position);
            Optional<String> bad = Values.checkInterface(iface);
            if (bad.isPresent()) {
                throw new RcException(key, at, bad.get());
            }
            List<String> words = ship.words(key);
            if (words.isEmpty() || e.getValue().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new RcException(key, at, Values.show(e.getValue())
                        + " is not a list of addresses separated by spaces");
            }
            // lo0 already holds 127.0.0.1: a plain "ifconfig lo0 ADDR" would replace it
            boolean first = !iface.equals("lo0");
            for (String word : words) {
                Optional<IpAddress> a = IpAddress.parse(word);
                if (a.isEmpty()) {
                    throw new RcException(key, at, Values.show(word)
                            + (words.size() > 1 ? " (of " + Values.show(e.getValue()) + ")" : "")
                            + " is not an IPv4 or IPv6 address with an optional /prefix");
                }
                line("ifconfig " + ShellQuote.quote(iface) + (a.get().ipv6() ? " inet6 " : " ")
                        + ShellQuote.quote(word) + (first ? " up" : " alias"));
                first = false;
            }
        }
        options.defaultRoute().ifPresent(gw -> {
            boolean v6 = IpAddress.parse(gw).map(IpAddress::ipv6).orElse(false);
            line("route add " + (v6 ? "-inet6 " : "") + "default " + ShellQuote.quote(gw));
            commands.add("route");
        });
        line("");
    }

    /**
     * The stop section: a function that stops the rc.d services in reverse order, runs the
     * {@code run_at_stop} commands in order (sailor runs them after stopping the services), then
     * ends the final wait; and a trap that runs it once on SIGTERM, SIGINT and SIGHUP, then
     * exits with status 0. {@code reboot(8)} and {@code halt(8)} (which {@code shutdown(8)} ends
     * with) send SIGTERM to every process "(one chance to catch it)", wait about five seconds,
     * then send SIGKILL ({@code sbin/reboot/reboot.c}), so {@code run_at_stop} should be quick.
     * init(8) starts the rc with SIGHUP ignored, and a signal ignored on entry cannot be trapped,
     * so under init only SIGTERM and SIGINT count. The trap is set before any service starts, so
     * a stop that comes while the ship is still starting stops it too. It only fires while the rc
     * runs: with {@link FinalWait.Kind#EXIT} the same steps go to {@code /etc/rc.shutdown}
     * instead, which {@code shutdown(8)} sources before it halts ({@code sbin/shutdown/shutdown.c},
     * {@code dorcshutdown}).
     */
    private void stopSection(List<Service> services) throws RcException {
        line("# Stopping: shutdown, halt and reboot send SIGTERM to every process, SIGKILL a few");
        line("# seconds later. On SIGTERM, SIGINT or SIGHUP the rc stops the services, runs");
        line("# run_at_stop, ends its final wait and exits; ship_stop runs once.");
        line("ship_waitpid=");
        line("ship_stopped=");
        line("ship_stop() {");
        line("\t[ -z \"$ship_stopped\" ] || return 0");
        line("\tship_stopped=yes");
        stopSteps(services, "\t");
        line("\tif [ -n \"$ship_waitpid\" ]; then");
        line("\t\tkill \"$ship_waitpid\"");
        line("\tfi");
        line("}");
        line("trap 'ship_stop; exit 0' TERM INT HUP");
        line("");
    }

    /** The rc.d services stopped in reverse order, then the {@code run_at_stop} commands. */
    private void stopSteps(List<Service> services, String indent) throws RcException {
        for (int i = services.size() - 1; i >= 0; i--) {
            Optional<String> stop = services.get(i).stop();
            if (stop.isPresent()) {
                line(indent + stop.get());
            }
        }
        for (RunCommand c : ship.runAt(Phase.STOP)) {
            userCode(c, indent);
        }
    }

    /** {@code /etc/rc.shutdown}, for an rc that does not stay to catch the stop signal. */
    private String rcShutdown(List<Service> services) throws RcException {
        line("#!/bin/sh");
        line("#");
        line("# /etc/rc.shutdown of the ship " + ShellQuote.comment(ship.shipname().orElse("(unnamed)"))
                + ", written by slipway.");
        line("# shutdown(8) sources it before it halts: /etc/rc has ended, so the ship's stop");
        line("# steps are here (services in reverse order, then run_at_stop).");
        line("#");
        line("");
        line("export PATH=" + ShellQuote.quote(path()));
        line("");
        stopSteps(services, "");
        return out.toString();
    }

    /**
     * One {@code run_at_*} command, verbatim in its own subshell. The shellcheck directive
     * covers that subshell only: the code is the user's, and the conf is where to lint it
     * ({@code slipway lint}); everything slipway itself writes stays checked.
     */
    private void userCode(RunCommand c, String indent) throws RcException {
        Optional<String> bad = ShellSnippet.check(c.command());
        if (bad.isPresent()) {
            throw new RcException(c.phase().key(), Optional.of(c.position()), bad.get());
        }
        line(indent + "# " + c.phase().key() + ", " + ShellQuote.comment(shortPosition(c.position())));
        line(indent + "# shellcheck disable=all");
        line(indent + "(");
        // not indented: a newline inside a quoted string of the user's is data
        line(c.command());
        line(indent + ")");
        if (indent.isEmpty()) {
            line("");
        }
    }

    private void finalWait() {
        FinalWait w = options.finalWait();
        switch (w.kind()) {
            case EXIT -> line("# the rc ends here and init(8) carries on; /etc/rc.shutdown has the stop steps");
            case SLEEP -> {
                line("# wait for a stop signal; a sleep that cannot run ends the wait instead of spinning");
                line("while :; do");
                line("\tsleep " + SLEEP_SECONDS + " &");
                line("\tship_waitpid=$!");
                line("\twait \"$ship_waitpid\" || break");
                line("done");
                commands.add("sleep");
            }
            case TAIL -> {
                line("echo");
                line("tail -f " + ShellQuote.quote(w.file().orElseThrow()) + " &");
                line("ship_waitpid=$!");
                line("wait \"$ship_waitpid\"");
                commands.add("tail");
            }
            default -> throw new IllegalStateException(w.kind().toString());
        }
        // init(8) goes to single-user mode, a root shell on the console, when /etc/rc exits
        // non-zero (sbin/init/init.c, runcom()); NetBSD's own /etc/rc ends the same way
        line("");
        line("# init(8) would go to single-user mode (a root shell on the console) on a non-zero exit");
        line("exit 0");
    }

    private String fstab() {
        StringBuilder b = new StringBuilder();
        b.append("# /etc/fstab of the ship ").append(ShellQuote.comment(ship.shipname().orElse("(unnamed)")))
                .append(", written by slipway; see fstab(5).\n");
        b.append(options.rootDevice()).append(" / ffs rw 1 1\n");
        return b.toString();
    }

    private String rcConf(List<Service> services) {
        StringBuilder b = new StringBuilder();
        b.append("# shellcheck shell=sh disable=SC2034\n");
        b.append("# /etc/rc.conf of the ship ").append(ShellQuote.comment(ship.shipname().orElse("(unnamed)")))
                .append(", written by slipway as sailor writes it.\n");
        b.append("# rc.subr reads it when an /etc/rc.d script runs; see rc.conf(5).\n\n");
        b.append("if [ -r /etc/defaults/rc.conf ]; then\n\t. /etc/defaults/rc.conf\nfi\n\n");
        b.append("rc_configured=YES\n");
        for (Service s : services) {
            // a validated sh name: the left side of an assignment cannot be quoted
            b.append(s.name()).append("=YES\n");
        }
        return b.toString();
    }

    private Optional<String> confName() {
        return ship.value("shipname").or(() -> ship.values().values().stream().findFirst())
                .map(v -> fileName(v.position().file()));
    }

    private static String shortPosition(SourcePosition p) {
        return fileName(p.file()) + ":" + p.line() + ":" + p.column();
    }

    /** Only the file's name: a full path would make the output depend on where the conf lies. */
    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
