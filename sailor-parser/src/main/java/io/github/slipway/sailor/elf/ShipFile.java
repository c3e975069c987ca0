package io.github.slipway.sailor.elf;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One file a ship needs: where it goes in the ship, where it really is in the sysroot and the
 * symlinks between the two.
 *
 * <pre>{@code
 * ShipFile f = closure.files().get(1);
 * f.shipPath();      // /lib/x86_64-linux-gnu/libc.so.6   (the path the loader opens)
 * f.sysrootPath();   // /usr/lib/x86_64-linux-gnu/libc.so.6 (no symlink left)
 * f.symlinks();      // [/lib -> usr/lib]
 * f.hostPath();      // the same file on the host, to copy from
 * }</pre>
 *
 * @param shipPath    the path as requested or as the loader builds it (directory + name), inside the ship
 * @param sysrootPath the real path inside the sysroot, every link resolved
 * @param hostPath    the real file on the host
 * @param symlinks    the links to recreate in the ship, in the order they were followed
 * @param role        why the file is in the ship
 * @param needed      the object's {@code DT_NEEDED} names with what they resolved to
 */
public record ShipFile(String shipPath, String sysrootPath, Path hostPath, List<Symlink> symlinks, Role role,
        List<Dependency> needed) {

    /** Why a file is in the ship. */
    public enum Role {
        /** It was asked for (or is one of sailor's default binaries). */
        REQUESTED,
        /** It is the {@code PT_INTERP} of a requested program. */
        INTERPRETER,
        /** A {@code DT_NEEDED} entry led to it. */
        LIBRARY
    }

    /**
     * A needed name and where it was found.
     *
     * @param name     the {@code DT_NEEDED} string
     * @param shipPath where it was found, empty if missing
     */
    public record Dependency(String name, java.util.Optional<String> shipPath) {
        /**
         * Rejects nulls.
         *
         * @param name the {@code DT_NEEDED} string
         * @param shipPath where it was found, empty if missing
         */
        public Dependency {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(shipPath, "shipPath");
        }
    }

    /**
     * Copies the lists; nothing may be null.
     *
     * @param shipPath the path as requested or as the loader builds it (directory + name), inside the ship
     * @param sysrootPath the real path inside the sysroot, every link resolved
     * @param hostPath the real file on the host
     * @param symlinks the links to recreate in the ship, in the order they were followed
     * @param role why the file is in the ship
     * @param needed the object's {@code DT_NEEDED} names with what they resolved to
     */
    public ShipFile {
        Objects.requireNonNull(shipPath, "shipPath");
        Objects.requireNonNull(sysrootPath, "sysrootPath");
        Objects.requireNonNull(hostPath, "hostPath");
        symlinks = List.copyOf(symlinks);
        Objects.requireNonNull(role, "role");
        needed = List.copyOf(needed);
    }
}
