package io.github.slipway.sailor.elf;

import java.util.Objects;

/**
 * One symbolic link met while resolving a path inside the sysroot: where the link is and the
 * text it holds. Copy both into the ship (as sailor does) and the path keeps working there.
 *
 * <pre>{@code
 * new Symlink("/lib", "usr/lib");   // /lib -> usr/lib, the text as readlink(2) returns it
 * }</pre>
 *
 * @param linkPath the link's own path inside the sysroot (directories already resolved)
 * @param target   the link's text, unchanged (absolute targets mean "from the sysroot's top")
 */
public record Symlink(String linkPath, String target) {
    /**
     * Rejects nulls.
     *
     * @param linkPath the link's own path inside the sysroot (directories already resolved)
     * @param target the link's text, unchanged (absolute targets mean "from the sysroot's top")
     */
    public Symlink {
        Objects.requireNonNull(linkPath, "linkPath");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String toString() {
        return linkPath + " -> " + target;
    }
}
