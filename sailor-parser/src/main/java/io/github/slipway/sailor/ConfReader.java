package io.github.slipway.sailor;

import io.github.slipway.sailor.internal.ConfText;
import io.github.slipway.sailor.internal.Interpreter;
import io.github.slipway.sailor.internal.RunAtLoop;
import io.github.slipway.sailor.internal.Shell;
import io.github.slipway.sailor.internal.SysrootGlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a sailor {@code .conf} the way sailor's {@code /bin/sh} would, without executing
 * anything, and lints it.
 *
 * <p>What it understands (POSIX sh, dash as reference): assignments (several on a line, separated
 * by blanks or {@code ;}); single quotes; double quotes with {@code \} escaping {@code $ ` " \}
 * and newline; unquoted backslashes; {@code $VAR}, {@code ${VAR}}, {@code ${#VAR}} and the
 * {@code - = + ?} operators with and without {@code :}; tilde prefixes; {@code #} comments; line
 * continuations; {@code .}/{@code source} includes (absolute paths inside the
 * {@linkplain Builder#includeRoot include root}, relative ones next to the including file; depth
 * bound, cycles reported); {@code :}, {@code export}, {@code readonly}, {@code unset}. Command
 * substitutions go to the {@link CommandResolver}. Anything else is a
 * {@link ConfSyntaxException} at its file:line:column.
 *
 * <p>{@code run_at_*} commands are what sailor's
 * {@code grep "^run_at_X" conf | while read line; do eval $line; ...} would run: one per
 * top-level physical line starting with the key, after {@code read}'s backslash removal and the
 * blank-collapsing unquoted {@code eval}, evaluated after the whole conf was sourced. Lines in
 * included files are not seen by that grep (the linter says so).
 *
 * <pre>{@code
 * ConfReader reader = ConfReader.builder()
 *         .variable("HOME", "/home/sailor")          // sailor's own variables
 *         .variable("sysconfdir", "/usr/pkg/etc")
 *         .sysroot(Path.of("/netbsd-destdir"))       // for $(which NAME)
 *         .build();
 * ShipConfig ship = reader.read(Path.of("nginx.conf"));
 * ship.shippath();                                   // Optional[/home/sailor/src/sailor/nginx]
 * for (ConfWarning w : reader.lint(Path.of("nginx.conf"))) {
 *     System.out.println(w);
 * }
 * }</pre>
 */
public final class ConfReader {
    /** The keys sailor itself reads from a conf (besides {@code ip_<iface>}). */
    public static final Set<String> KNOWN_KEYS = Set.of("shipname", "shippath", "shipbins", "packages",
            "services", "sync_dirs", "ro_mounts", "rw_mounts", "run_at_build", "run_at_start",
            "run_at_stop", "run_at_status", "run_at_destroy");

    /** The file name that positions of caller-supplied variables carry. */
    public static final Path CALLER = Path.of("(caller)");

    private final Map<String, String> variables;
    private final Path includeRoot;
    private final Path sysroot;
    private final CommandResolver resolver;
    private final ConfLimits limits;

    private ConfReader(Builder b) {
        this.variables = Map.copyOf(b.variables);
        this.variableOrder = List.copyOf(b.variables.keySet());
        this.includeRoot = b.includeRoot;
        this.sysroot = b.sysroot;
        this.resolver = b.resolver != null ? b.resolver : CommandResolver.which(b.sysroot);
        this.limits = b.limits;
    }

    private final List<String> variableOrder;

    /** {@return a builder with no caller variables, include root and sysroot {@code /}, default limits} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code conf}.
     *
     * @param conf the top-level conf (what sailor is given)
     * @return the ship: every variable left set (caller's included) and the {@code run_at_*}
     *         commands
     * @throws ConfException when the conf cannot be read as sailor would (message starts with
     *                       file:line:column)
     */
    public ShipConfig read(Path conf) throws IOException {
        return evaluate(conf).config;
    }

    /**
     * Reads {@code conf} and returns what sailor would silently get wrong: unset variables, unknown
     * keys nothing uses, {@code run_at_*} lines sailor never runs, missing {@code shipname} or
     * {@code shippath}, a {@code shippath} of {@code /}, {@code shipbins} missing from the sysroot
     * or globs matching nothing there, mount and sync directories missing on the host (the include
     * root).
     *
     * @param conf the top-level conf
     * @return warnings, ordered by file and line
     * @throws ConfException when the conf cannot be read at all
     */
    public List<ConfWarning> lint(Path conf) throws IOException {
        Evaluation ev = evaluate(conf);
        Shell sh = ev.shell;
        ShipConfig ship = ev.config;
        SourcePosition top = new SourcePosition(conf, 1, 1);
        for (Shell.Assignment a : sh.assignments()) {
            boolean runAt = Phase.fromKey(a.name()).isPresent();
            if (runAt && a.depth() > 0) {
                sh.warn(a.position(), a.name() + " in an included file: sailor greps only the top-level conf"
                        + " for run_at_ lines, so this command never runs");
            } else if (runAt && a.depth() == 0 && !a.inRunAtEval() && a.position().file().equals(conf)
                    && !ev.text.lineStartsWith(a.position().line(), a.name())) {
                sh.warn(a.position(), a.name() + " not at the start of its line: sailor's grep '^" + a.name()
                        + "' does not see it, so this command never runs");
            }
        }
        int cr = ev.text.text().indexOf("\r\n");
        if (cr >= 0) {
            sh.warn(ev.text.at(cr), "the file has DOS line endings: sh keeps each '\\r' in the values");
        }
        Map<String, Shell.Assignment> firstTop = new LinkedHashMap<>();
        for (Shell.Assignment a : sh.assignments()) {
            if (!a.inRunAtEval()) {
                firstTop.putIfAbsent(a.name(), a);
            }
        }
        for (Shell.Assignment a : firstTop.values()) {
            String n = a.name();
            if (!KNOWN_KEYS.contains(n) && !n.startsWith(ShipConfig.IP_PREFIX) && !variables.containsKey(n)
                    && !sh.referenced().contains(n)) {
                sh.warn(a.position(), "unknown key " + n + ": sailor does not read it and nothing in the conf uses it");
            }
        }
        if (ship.shipname().isEmpty()) {
            sh.warn(top, "shipname is not set (sailor needs it)");
        }
        if (ship.shippath().isEmpty() || ship.shippath().get().isEmpty()) {
            sh.warn(ship.value("shippath").map(ConfValue::position).orElse(top),
                    "shippath is not set or empty: sailor refuses to build");
        } else if (ship.shippath().get().equals("/")) {
            sh.warn(ship.value("shippath").get().position(), "shippath is '/': sailor refuses to build");
        }
        ship.value("shipbins").ifPresent(v -> {
            for (String w : ship.shipbins()) {
                try {
                    if (SysrootGlob.isPattern(w)) {
                        if (SysrootGlob.expand(sysroot, w).isEmpty()) {
                            sh.warn(v.position(), "shipbins: " + w + " matches nothing in " + sysroot);
                        }
                    } else if (io.github.slipway.sailor.internal.Chroot.resolve(sysroot, w).isEmpty()) {
                        sh.warn(v.position(), "shipbins: " + w + " does not exist in " + sysroot);
                    }
                } catch (IOException e) {
                    sh.warn(v.position(), "shipbins: " + w + ": " + e.getMessage());
                }
            }
        });
        for (String key : List.of("sync_dirs", "ro_mounts", "rw_mounts")) {
            ship.value(key).ifPresent(v -> {
                for (String w : ShipConfig.splitWords(v.value())) {
                    if (!io.github.slipway.sailor.internal.Chroot.resolve(includeRoot, w).map(Files::isDirectory)
                            .orElse(false)) {
                        sh.warn(v.position(), key + ": " + w + " is not a directory on the host (" + includeRoot
                                + ")" + (key.equals("sync_dirs") ? "" : ": sailor skips it silently"));
                    }
                }
            });
        }
        List<ConfWarning> out = new ArrayList<>(sh.warnings());
        Map<Path, Integer> fileOrder = new HashMap<>();
        for (ConfWarning w : out) {
            fileOrder.putIfAbsent(w.position().file(), fileOrder.size());
        }
        out.sort(Comparator.<ConfWarning>comparingInt(w -> fileOrder.get(w.position().file()))
                .thenComparingInt(w -> w.position().line()));
        return List.copyOf(out);
    }

    private record Evaluation(ShipConfig config, Shell shell, ConfText text) {
    }

    private Evaluation evaluate(Path conf) throws IOException {
        Objects.requireNonNull(conf, "conf");
        Shell sh = new Shell(resolver, limits, includeRoot);
        int i = 0;
        for (String k : variableOrder) {
            sh.vars().put(k, new ConfValue(k, variables.get(k), new SourcePosition(CALLER, 1, ++i)));
        }
        ConfText text = ConfText.read(conf, limits, null);
        SourcePosition start = new SourcePosition(conf, 1, 1);
        sh.chargeBytes(text.text().length(), start);
        Path real;
        try {
            real = conf.toRealPath();
        } catch (IOException e) {
            throw new ConfException(start, "cannot read: " + e.getMessage());
        }
        sh.push(real, conf);
        List<RunCommand> commands;
        try {
            new Interpreter(sh, text, 0).run();
            commands = RunAtLoop.commands(sh, text);
        } finally {
            sh.pop();
        }
        return new Evaluation(ShipConfig.of(sh.vars(), commands), sh, text);
    }

    /** Options of a {@link ConfReader}; every setter checks its value. */
    public static final class Builder {
        private final Map<String, String> variables = new LinkedHashMap<>();
        private Path includeRoot = Path.of("/");
        private Path sysroot = Path.of("/");
        private CommandResolver resolver;
        private ConfLimits limits = ConfLimits.defaults();

        private Builder() {
        }

        /**
         * A variable set before the conf is sourced, standing in for sailor's own ({@code HOME},
         * {@code prefix}, {@code sysconfdir}, {@code varbase}, {@code OS}, {@code pkg_info},
         * {@code grep}, {@code mkdir}, ...).
         *
         * @param name a shell variable name
         * @param value its value (not expanded again)
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is not a shell variable name
         */
        public Builder variable(String name, String value) {
            Objects.requireNonNull(value, "value");
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not a shell variable name: " + name);
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("value of " + name + " holds a NUL character");
            }
            variables.put(name, value);
            return this;
        }

        /**
         * {@link #variable} for each entry, in the map's order.
         *
         * @param vars variable names to values
         * @return this builder
         */
        public Builder variables(Map<String, String> vars) {
            for (Map.Entry<String, String> e : vars.entrySet()) {
                variable(e.getKey(), e.getValue());
            }
            return this;
        }

        /**
         * Where absolute include paths ({@code . /etc/common.vars}) are looked up; default {@code /}.
         *
         * @param dir the folder absolute includes are resolved in
         * @return this builder
         */
        public Builder includeRoot(Path dir) {
            this.includeRoot = Objects.requireNonNull(dir, "includeRoot").toAbsolutePath().normalize();
            return this;
        }

        /**
         * The tree {@code shipbins} and {@code $(which NAME)} refer to (a NetBSD destdir); default {@code /}.
         *
         * @param dir the sysroot
         * @return this builder
         */
        public Builder sysroot(Path dir) {
            this.sysroot = Objects.requireNonNull(dir, "sysroot").toAbsolutePath().normalize();
            return this;
        }

        /**
         * Answers command substitutions; default {@link CommandResolver#which(Path)} of the sysroot.
         *
         * @param r resolves command substitutions
         * @return this builder
         */
        public Builder resolver(CommandResolver r) {
            this.resolver = Objects.requireNonNull(r, "resolver");
            return this;
        }

        /**
         * The bounds; default {@link ConfLimits#defaults()}.
         *
         * @param l the bounds on input size and nesting
         * @return this builder
         */
        public Builder limits(ConfLimits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        /** {@return the reader} */
        public ConfReader build() {
            return new ConfReader(this);
        }
    }
}
