package io.github.slipway.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code slipway makefs} command line without picocli when it uses only the plain forms
 * ({@code -s 64m}, {@code -s64m}, {@code -Z}, {@code --compat}, positionals). picocli builds its
 * model of a command by reflection over classes the JVM cannot share between runs (they are
 * Java 5 class files), which costs about 0.1 s of every run: as much as writing a small image.
 * Anything else (help, version, clustered flags, {@code -x=v}, {@code --}, {@code @files}, a
 * repeated option, a value that looks like an option, too few operands) is left to picocli, so
 * usage, help and errors stay exactly picocli's. {@code MakefsFastPathTest} checks that both
 * readings fill the command's fields alike.
 */
final class MakefsFastPath {
    private static final Set<String> VALUED = Set.of("-t", "-o", "-B", "-b", "-f", "-F", "-M", "-m", "-N",
            "-s", "-S", "-T", "-O", "-d");
    private static final Set<String> FLAGS = Set.of("-Z", "-x", "-n", "--compat", "--clamp-time");

    private MakefsFastPath() {
    }

    /** The command {@code args} (which start with "makefs") describe, or empty: ask picocli. */
    static Optional<MakefsCommand> parse(String[] args) {
        if (args.length < 3 || !"makefs".equals(args[0])) {
            return Optional.empty();
        }
        MakefsCommand c = new MakefsCommand();
        List<String> seen = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("@")) {
                return Optional.empty();
            }
            if (!a.startsWith("-") || a.equals("-")) {
                operands.add(a);
                continue;
            }
            String name;
            String value = null;
            if (FLAGS.contains(a)) {
                name = a;
            } else if (a.length() > 2 && !a.startsWith("--") && VALUED.contains(a.substring(0, 2))) {
                // picocli splits an attached value at "=" in some cases: leave those to it
                name = a.substring(0, 2);
                value = a.substring(2);
                if (value.contains("=")) {
                    return Optional.empty();
                }
            } else if (VALUED.contains(a) && i + 1 < args.length) {
                name = a;
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value != null && (value.isEmpty() || value.startsWith("-") || value.startsWith("@"))) {
                return Optional.empty();
            }
            if (!name.equals("-o") && seen.contains(name)) {
                return Optional.empty();
            }
            seen.add(name);
            set(c, name, value);
        }
        if (operands.size() < 2) {
            return Optional.empty();
        }
        c.image = Path.of(operands.get(0));
        c.dirs = new ArrayList<>();
        for (String d : operands.subList(1, operands.size())) {
            c.dirs.add(Path.of(d));
        }
        try {
            c.options();
        } catch (IllegalArgumentException e) {
            // a bad option value is a usage error: let picocli report it (exit 2)
            return Optional.empty();
        }
        return Optional.of(c);
    }

    private static void set(MakefsCommand c, String name, String v) {
        switch (name) {
            case "-t" -> c.type = v;
            case "-o" -> c.ffsOptions.add(v);
            case "-B" -> c.byteOrder = v;
            case "-b" -> c.freeBlocks = v;
            case "-f" -> c.freeFiles = v;
            case "-F" -> c.specFile = Path.of(v);
            case "-M" -> c.minSize = v;
            case "-m" -> c.maxSize = v;
            case "-N" -> c.userDb = Path.of(v);
            case "-s" -> c.size = v;
            case "-S" -> c.sectorSize = v;
            case "-T" -> c.timestamp = v;
            case "-O" -> c.offset = v;
            case "-d" -> c.debug = v;
            case "-Z" -> c.sparse = true;
            case "-x" -> c.onlySpec = true;
            case "-n" -> c.dryRun = true;
            case "--compat" -> c.compat = true;
            case "--clamp-time" -> c.clampTime = true;
            default -> throw new IllegalArgumentException(name);
        }
    }
}
