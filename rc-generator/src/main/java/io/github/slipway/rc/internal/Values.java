package io.github.slipway.rc.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validators for the data values that go into {@code /etc/rc}, {@code /etc/fstab} and
 * {@code /etc/rc.conf}. Each returns {@code Optional.empty()} when the value is fine, else what is
 * wrong with it, for the caller to put into an error that names the key and line.
 *
 * <p>They are strict on purpose: a value that an rc would need but that is not plainly one of
 * these things is more likely an attack or a typo than a need.
 */
public final class Values {
    /**
     * NetBSD interface names: a driver name and a unit number ({@code vioif0}, {@code wm1},
     * {@code l2tp0}), at most {@code IFNAMSIZ - 1} = 15 characters ({@code net/if.h}).
     */
    private static final Pattern INTERFACE = Pattern.compile("[a-z][a-z0-9]{0,13}[0-9]");
    /**
     * Service names become rc.conf variables ({@code nginx=YES}) and rc.d script names, so they
     * must be sh names (XBD 3.235).
     */
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    /** One host name label (RFC 1123 2.1). */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    /** Device paths and the package prefix: no blanks, no shell or fstab specials. */
    private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9._+-]+)+/?|/");
    /** File system label for {@code NAME=label} in fstab (NetBSD wedge names, kept plain). */
    private static final Pattern FS_LABEL = Pattern.compile("[A-Za-z0-9._+-]{1,64}");

    private Values() {
    }

    /** A network interface name such as {@code vioif0}. */
    public static Optional<String> checkInterface(String name) {
        return INTERFACE.matcher(name).matches() ? Optional.empty()
                : Optional.of(show(name) + " is not a network interface name (a driver name and a unit"
                        + " number, like vioif0)");
    }

    /** A service name such as {@code nginx} or {@code php_fpm}. */
    public static Optional<String> checkService(String name) {
        return SERVICE.matcher(name).matches() ? Optional.empty()
                : Optional.of(show(name) + " is not a service name (letters, digits and _, not starting"
                        + " with a digit)");
    }

    /** A host name: dot-separated RFC 1123 labels, at most 253 characters. */
    public static Optional<String> checkHostname(String name) {
        boolean ok = !name.isEmpty() && name.length() <= 253 && !name.endsWith(".");
        if (ok) {
            for (String label : name.split("\\.", -1)) {
                ok &= LABEL.matcher(label).matches();
            }
        }
        return ok ? Optional.empty()
                : Optional.of(show(name) + " is not a host name (letters, digits and -, dot-separated)");
    }

    /**
     * An absolute path that sh gets single-quoted (tmpfs mount points, the followed log): any
     * printable character, but no {@code ..} component, and no control characters (a newline
     * would be the end of a command).
     */
    public static Optional<String> checkQuotedPath(String path) {
        if (!path.startsWith("/")) {
            return Optional.of(show(path) + " is not an absolute path");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of(show(path) + " holds a control character at index " + i);
            }
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                return Optional.of(show(path) + " climbs with ..");
            }
        }
        return Optional.empty();
    }

    /**
     * An absolute path written without quotes (the package prefix in PATH, the root device in
     * fstab, where quoting is not possible): letters, digits and {@code . _ + -} only.
     */
    public static Optional<String> checkPlainPath(String path) {
        Optional<String> quoted = checkQuotedPath(path);
        if (quoted.isPresent()) {
            return quoted;
        }
        return PLAIN_PATH.matcher(path).matches() ? Optional.empty()
                : Optional.of(show(path) + " must be a plain path (letters, digits, / . _ + -)");
    }

    /** A file system label for {@code NAME=label}. */
    public static Optional<String> checkFsLabel(String label) {
        return FS_LABEL.matcher(label).matches() ? Optional.empty()
                : Optional.of(show(label) + " is not a file system label (letters, digits, . _ + -)");
    }

    /**
     * {@code value} for an error message: in single quotes, with control characters as Java
     * escapes, so that a newline in a refused value cannot forge further lines of output.
     */
    public static String show(String value) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('\'').toString();
    }
}
