package io.github.slipway.rc;

import java.util.Objects;

/**
 * One generated file: where it goes in the ship, its text and its permission bits.
 *
 * <pre>{@code
 * RcFile rc = RcGenerator.generate(ship, RcOptions.defaults()).rc();
 * rc.path();  // "/etc/rc"
 * rc.mode();  // 0755
 * }</pre>
 *
 * @param path absolute path inside the ship
 * @param text the file's content (ASCII, lines end with a newline)
 * @param mode permission bits, e.g. {@code 0755}
 */
public record RcFile(String path, String text, int mode) {
    /**
     * Checks the path and mode.
     *
     * @param path absolute path inside the ship
     * @param text the file's content (ASCII, lines end with a newline)
     * @param mode permission bits, e.g. {@code 0755}
     */
    public RcFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must be absolute: " + path);
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode out of range: 0" + Integer.toOctalString(mode));
        }
    }
}
