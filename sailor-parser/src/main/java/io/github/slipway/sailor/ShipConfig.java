package io.github.slipway.sailor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sailor ship description: every variable a conf left set, and its {@code run_at_*} commands.
 *
 * <p>Values are the strings {@code /bin/sh} would hold after sourcing the conf. The list views
 * ({@link #shipbins()}, {@link #services()}, ...) split a value into words the way sailor's
 * unquoted {@code for x in ${shipbins}} does: on blanks, tabs and newlines. Globs stay
 * unexpanded; resolve them against a sysroot when copying.
 *
 * <pre>{@code
 * ShipConfig ship = ShipConfig.of(values, commands);
 * ship.shipname();                 // Optional[nginx]
 * ship.shipbins();                 // [/bin/sh, /usr/bin/nc]
 * ship.ipAddresses();              // {vioif0=192.168.2.101/24}
 * ship.runAt(Phase.START);         // commands in file order
 * }</pre>
 */
public final class ShipConfig {
    /** The prefix of per-interface address keys, {@code ip_vioif0="10.0.0.2/24"}. */
    public static final String IP_PREFIX = "ip_";

    private final Map<String, ConfValue> values;
    private final List<RunCommand> commands;

    private ShipConfig(Map<String, ConfValue> values, List<RunCommand> commands) {
        this.values = values;
        this.commands = commands;
    }

    /**
     * A ship from its variables and commands.
     *
     * @param values   variable name to final value, in the order the names were first assigned
     * @param commands every {@code run_at_*} command, in file order
     * @return an immutable ship
     * @throws IllegalArgumentException if a map key differs from its value's name
     */
    public static ShipConfig of(Map<String, ConfValue> values, List<RunCommand> commands) {
        Map<String, ConfValue> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ConfValue> e : values.entrySet()) {
            if (!e.getKey().equals(e.getValue().name())) {
                throw new IllegalArgumentException(
                        "key " + e.getKey() + " holds the value of " + e.getValue().name());
            }
            copy.put(e.getKey(), e.getValue());
        }
        return new ShipConfig(Collections.unmodifiableMap(copy), List.copyOf(commands));
    }

    /** {@return every variable the conf set, in the order of first assignment} */
    public Map<String, ConfValue> values() {
        return values;
    }

    /**
     * {@return the final value of {@code name}, if the conf (or the caller) set it}
     *
     * @param name a variable name
     */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(ConfValue::value);
    }

    /**
     * {@return the final value of {@code name} with its position, if set}
     *
     * @param name a variable name
     */
    public Optional<ConfValue> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** {@return {@code shipname}: the ship's name (mandatory for sailor)} */
    public Optional<String> shipname() {
        return get("shipname");
    }

    /** {@return {@code shippath}: where sailor builds the ship on its host (mandatory for sailor)} */
    public Optional<String> shippath() {
        return get("shippath");
    }

    /** {@return {@code shipbins}: host binaries to copy with their libraries, globs unexpanded} */
    public List<String> shipbins() {
        return words("shipbins");
    }

    /** {@return {@code packages}: binary packages to install in the ship} */
    public List<String> packages() {
        return words("packages");
    }

    /** {@return {@code services}: rc.d services to enable and start} */
    public List<String> services() {
        return words("services");
    }

    /** {@return {@code sync_dirs}: host directories copied into the ship} */
    public List<String> syncDirs() {
        return words("sync_dirs");
    }

    /** {@return {@code ro_mounts}: host directories null-mounted read-only into the ship} */
    public List<String> roMounts() {
        return words("ro_mounts");
    }

    /** {@return {@code rw_mounts}: host directories null-mounted read-write into the ship} */
    public List<String> rwMounts() {
        return words("rw_mounts");
    }

    /**
     * {@return interface addresses from the {@code ip_<iface>} variables, interface name to address, in assignment
     * order; empty values are left out, as sailor skips them}
     */
    public Map<String, String> ipAddresses() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfValue v : values.values()) {
            if (v.name().startsWith(IP_PREFIX) && v.name().length() > IP_PREFIX.length()
                    && !v.value().isEmpty()) {
                out.put(v.name().substring(IP_PREFIX.length()), v.value());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * {@return the commands of one phase, in file order}
     *
     * @param phase the phase
     */
    public List<RunCommand> runAt(Phase phase) {
        Objects.requireNonNull(phase, "phase");
        List<RunCommand> out = new ArrayList<>();
        for (RunCommand c : commands) {
            if (c.phase() == phase) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** {@return every {@code run_at_*} command of every phase, in file order} */
    public List<RunCommand> runCommands() {
        return commands;
    }

    /**
     * {@return the value of {@code name} split into words like an unquoted {@code ${name}} in sh with the default
     * IFS; empty when unset}
     *
     * @param name a variable name
     */
    public List<String> words(String name) {
        return get(name).map(ShipConfig::splitWords).orElse(List.of());
    }

    static List<String> splitWords(String value) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && isIfs(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isIfs(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(value.substring(start, i));
            }
        }
        return List.copyOf(out);
    }

    private static boolean isIfs(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    @Override
    public String toString() {
        return "ShipConfig" + values.keySet() + " +" + commands.size() + " commands";
    }
}
