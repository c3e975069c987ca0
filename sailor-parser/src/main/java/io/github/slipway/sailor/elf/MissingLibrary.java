package io.github.slipway.sailor.elf;

import java.util.List;
import java.util.Objects;

/**
 * A {@code DT_NEEDED} library (or interpreter) that the loader rules do not find in the sysroot.
 *
 * <pre>{@code
 * for (MissingLibrary m : closure.missing()) {
 *     System.err.println(m.message());   // /usr/bin/nc -> libutil.so.7: not found in /usr/lib (RPATH: none)
 * }
 * }</pre>
 *
 * @param chain    the objects that led to the name, the requested file first (paths inside the ship)
 * @param name     the {@code DT_NEEDED} string (or the {@code PT_INTERP} path) that was not found
 * @param searched the directories searched, in order, inside the sysroot
 * @param message  one line naming the chain, the directories and the run paths
 */
public record MissingLibrary(List<String> chain, String name, List<String> searched, String message) {
    /**
     * Copies the lists; nothing may be null.
     *
     * @param chain the objects that led to the name, the requested file first (paths inside the ship)
     * @param name the {@code DT_NEEDED} string (or the {@code PT_INTERP} path) that was not found
     * @param searched the directories searched, in order, inside the sysroot
     * @param message one line naming the chain, the directories and the run paths
     */
    public MissingLibrary {
        chain = List.copyOf(chain);
        Objects.requireNonNull(name, "name");
        searched = List.copyOf(searched);
        Objects.requireNonNull(message, "message");
    }
}
