package io.github.slipway.sailor.elf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link LibraryResolver#resolve(List)} found: per requested program its closure, and all
 * files together, in a deterministic order (requests in order, then per program: the program, its
 * interpreter, its libraries breadth-first as the loader loads them).
 *
 * <pre>{@code
 * Closure c = resolver.resolve(List.of("/usr/bin/nc", "/usr/lib/security/*"));
 * for (ShipFile f : c.files()) {
 *     copy(f.hostPath(), ship.resolve(f.sysrootPath().substring(1)));
 *     f.symlinks().forEach(l -> link(ship, l.linkPath(), l.target()));
 * }
 * c.missing();   // empty unless the resolver was built with reportMissing(true)
 * }</pre>
 */
public final class Closure {
    /**
     * The closure of one requested file.
     *
     * @param requested the request that named it (a path or a glob inside the sysroot)
     * @param os        the loader rules used
     * @param files     the file itself first, then its interpreter and libraries
     * @param missing   what could not be found (only in report mode)
     */
    public record Program(String requested, OsRules os, List<ShipFile> files, List<MissingLibrary> missing) {
        /**
         * Copies the lists.
         *
         * @param requested the request that named it (a path or a glob inside the sysroot)
         * @param os the loader rules used
         * @param files the file itself first, then its interpreter and libraries
         * @param missing what could not be found (only in report mode)
         */
        public Program {
            Objects.requireNonNull(requested, "requested");
            Objects.requireNonNull(os, "os");
            files = List.copyOf(files);
            missing = List.copyOf(missing);
        }

        /** {@return the requested file's own entry} */
        public ShipFile file() {
            return files.get(0);
        }
    }

    private final List<Program> programs;
    private final List<ShipFile> files;
    private final List<MissingLibrary> missing;

    Closure(List<Program> programs) {
        this.programs = List.copyOf(programs);
        Map<String, ShipFile> all = new LinkedHashMap<>();
        List<MissingLibrary> miss = new ArrayList<>();
        for (Program p : programs) {
            for (ShipFile f : p.files()) {
                all.putIfAbsent(f.shipPath(), f);
            }
            miss.addAll(p.missing());
        }
        this.files = List.copyOf(all.values());
        this.missing = List.copyOf(miss);
    }

    /** {@return per requested file (globs expanded, sorted per glob), in request order} */
    public List<Program> programs() {
        return programs;
    }

    /** {@return every file once (by ship path), in first-seen order} */
    public List<ShipFile> files() {
        return files;
    }

    /** {@return every missing library of every program (empty unless in report mode)} */
    public List<MissingLibrary> missing() {
        return missing;
    }
}
