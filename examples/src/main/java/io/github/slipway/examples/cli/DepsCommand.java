package io.github.slipway.examples.cli;

import io.github.slipway.sailor.elf.Closure;
import io.github.slipway.sailor.elf.LibraryResolver;
import io.github.slipway.sailor.elf.MissingLibrary;
import io.github.slipway.sailor.elf.MissingLibraryException;
import io.github.slipway.sailor.elf.OsRules;
import io.github.slipway.sailor.elf.ShipFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway deps [--root DIR] [--os netbsd|linux] [-l] FILE...}: the shared-library closure
 * of programs inside a sysroot, as a tree like {@code lddtree}, or with {@code -l} per FILE the
 * FILE and then its interpreter and libraries one path a line, a blank line between files.
 */
@Command(name = "deps", mixinStandardHelpOptions = true,
        description = "Lists the interpreter and shared libraries programs need, resolved inside a sysroot"
                + " with NetBSD ld.elf_so or Linux glibc rules (like lddtree; nothing is executed).")
final class DepsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", description = "the sysroot FILEs are inside (default /)")
    Path root;

    @Option(names = "--os", paramLabel = "netbsd|linux",
            description = "loader rules (default: per program, from its ELF notes and interpreter)")
    String os;

    @Option(names = "-l", description = "per FILE: the FILE, then its closure one path a line")
    boolean list;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "programs (paths or globs inside the sysroot)")
    List<String> files;

    @Override
    public Integer call() throws IOException {
        OsRules rules = OsRules.AUTO;
        if (os != null) {
            rules = switch (os.toLowerCase(Locale.ROOT)) {
                case "netbsd" -> OsRules.NETBSD;
                case "linux" -> OsRules.LINUX;
                default -> throw new ParameterException(spec.commandLine(),
                        "--os: expected netbsd or linux, not '" + os + "'");
            };
        }
        List<String> paths = new ArrayList<>();
        for (String f : files) {
            if (f.isEmpty()) {
                // Path.of("") is the working directory: say what was given instead
                throw new ParameterException(spec.commandLine(), "FILE: an empty path");
            }
            // without --root, a relative FILE means what it means to the shell
            paths.add(root == null && !f.startsWith("/") ? Path.of(f).toAbsolutePath().normalize().toString() : f);
        }
        LibraryResolver resolver = LibraryResolver.builder().sysroot(root == null ? Path.of("/") : root)
                .os(rules).reportMissing(true).build();
        Closure closure;
        try {
            closure = resolver.resolve(paths);
        } catch (java.nio.file.NoSuchFileException e) {
            if (root == null || e.getReason() != null) {
                throw e;
            }
            // a FILE is a path inside --root: say which root it was looked for in
            throw new java.nio.file.NoSuchFileException(e.getFile(), null,
                    "no such file or directory in sysroot " + root);
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean first = true;
        for (Closure.Program p : closure.programs()) {
            if (list) {
                if (!first) {
                    out.println();
                }
                for (ShipFile f : p.files()) {
                    out.println(f.shipPath());
                }
            } else {
                tree(out, p);
            }
            first = false;
        }
        out.flush();
        // like lddtree, show what was found ("=> not found" in the tree), then fail on the first miss
        if (!closure.missing().isEmpty()) {
            MissingLibrary m = closure.missing().get(0);
            int more = closure.missing().size() - 1;
            throw new MissingLibraryException(more == 0 ? m : new MissingLibrary(m.chain(), m.name(), m.searched(),
                    m.message() + " (and " + more + " more missing)"));
        }
        return 0;
    }

    private static void tree(PrintWriter out, Closure.Program p) {
        ShipFile main = p.file();
        String interp = p.files().stream().filter(f -> f.role() == ShipFile.Role.INTERPRETER)
                .map(ShipFile::shipPath).findFirst().map(i -> " (interpreter => " + i + ")").orElse("");
        out.println(main.shipPath() + interp);
        Map<String, ShipFile> byPath = new HashMap<>();
        p.files().forEach(f -> byPath.putIfAbsent(f.shipPath(), f));
        // like lddtree: the interpreter shows in the header and the program's own needs at depth 1,
        // every other library once, under the first object that needs it
        Set<String> shown = new HashSet<>();
        p.files().stream().filter(f -> f.role() != ShipFile.Role.LIBRARY).forEach(f -> shown.add(f.shipPath()));
        main.needed().forEach(d -> d.shipPath().ifPresent(shown::add));
        children(out, main, byPath, shown, 1);
    }

    private static void children(PrintWriter out, ShipFile f, Map<String, ShipFile> byPath, Set<String> shown,
            int depth) {
        for (ShipFile.Dependency d : f.needed()) {
            String at = d.shipPath().orElse(null);
            if (at != null && depth > 1 && !shown.add(at)) {
                continue;
            }
            out.println("    ".repeat(depth) + d.name() + " => " + (at == null ? "not found" : at));
            if (at != null && byPath.containsKey(at)) {
                children(out, byPath.get(at), byPath, shown, depth + 1);
            }
        }
    }
}
