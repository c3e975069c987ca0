package io.github.slipway.sailor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Stands in for the command substitutions of a conf ({@code $(which uname)}, backquotes): slipway
 * never runs them, it asks a resolver for the text the command would have printed.
 *
 * <p>The built-in {@link #which(Path)} answers {@code which NAME} and {@code command -v NAME} by
 * looking NAME up in the sysroot's PATH, and rejects every other command with a
 * {@link ConfException} at the substitution's position. Plug in your own to support more.
 *
 * <pre>{@code
 * CommandResolver r = CommandResolver.which(Path.of("/netbsd-destdir"));
 * ConfReader reader = ConfReader.builder().resolver(sub ->
 *         sub.words().equals(List.of("uname", "-m")) ? "amd64" : r.resolve(sub)).build();
 * }</pre>
 */
@FunctionalInterface
public interface CommandResolver {
    /**
     * The PATH the built-in resolver searches: NetBSD's default plus pkgsrc's, as sailor extends
     * it with {@code ${prefix}/bin:${prefix}/sbin}.
     */
    List<String> DEFAULT_PATH = List.of("/bin", "/sbin", "/usr/bin", "/usr/sbin",
            "/usr/pkg/bin", "/usr/pkg/sbin", "/usr/local/bin", "/usr/local/sbin");

    /**
     * The text the command would print; trailing newlines are removed by the reader, as sh does.
     *
     * @param substitution the command and where it is
     * @return its output, possibly empty
     * @throws IOException (usually a {@link ConfException}) if the command cannot be answered
     */
    String resolve(CommandSubstitution substitution) throws IOException;

    /**
     * {@code which NAME} / {@code command -v NAME} against {@link #DEFAULT_PATH} inside
     * {@code sysroot}; every other command is an error.
     *
     * @param sysroot the directory that stands for {@code /}
     * @return the resolver
     */
    static CommandResolver which(Path sysroot) {
        return which(sysroot, DEFAULT_PATH);
    }

    /**
     * {@code which NAME} / {@code command -v NAME} against {@code path} inside {@code sysroot}.
     * The answer is the absolute path inside the sysroot, e.g. {@code /usr/bin/uname}, or empty
     * when no directory holds an executable regular file of that name (as {@code which} prints
     * nothing then). Symlinks are followed as if the sysroot were {@code /}.
     *
     * @param sysroot the directory that stands for {@code /}
     * @param path    absolute directories to search, in order
     * @return the resolver
     */
    static CommandResolver which(Path sysroot, List<String> path) {
        Objects.requireNonNull(sysroot, "sysroot");
        List<String> dirs = List.copyOf(path);
        return sub -> {
            List<String> w = sub.words();
            String name;
            if (w.size() == 2 && w.get(0).equals("which")) {
                name = w.get(1);
            } else if (w.size() == 3 && w.get(0).equals("command") && w.get(1).equals("-v")) {
                name = w.get(2);
            } else {
                throw new ConfException(sub.position(), "command substitution `" + sub.command()
                        + "` is never executed; only `which NAME` and `command -v NAME` are"
                        + " resolved (against the sysroot's PATH)");
            }
            if (name.isEmpty()) {
                return "";
            }
            if (name.contains("/")) {
                return executableIn(sysroot, name.startsWith("/") ? name : "/" + name) ? name : "";
            }
            for (String d : dirs) {
                String candidate = (d.endsWith("/") ? d : d + "/") + name;
                if (executableIn(sysroot, candidate)) {
                    return candidate;
                }
            }
            return "";
        };
    }

    private static boolean executableIn(Path sysroot, String absolute) {
        // symlinks are followed as if the sysroot were / (an absolute target stays inside it)
        return io.github.slipway.sailor.internal.Chroot.resolve(sysroot, absolute)
                .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.isExecutable(p))
                .isPresent();
    }
}
