package io.github.slipway.sailor.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Path lookup inside a sysroot as if it were {@code /} (chroot semantics): {@code ..} stops at
 * the root and absolute symlink targets start again at the root, so nothing outside is reached.
 */
public final class Chroot {
    /** As in NetBSD's MAXSYMLINKS. */
    static final int MAX_LINKS = 32;

    private Chroot() {
    }

    /**
     * The host path that {@code absolute} names inside {@code root}, all symlinks followed.
     *
     * @return empty when a component is missing or there are too many links
     */
    public static Optional<Path> resolve(Path root, String absolute) {
        Deque<String> todo = new ArrayDeque<>(List.of(absolute.split("/")));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String c = todo.pollFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            Path p = join(root, done).resolve(c);
            if (Files.isSymbolicLink(p)) {
                if (++links > MAX_LINKS) {
                    return Optional.empty();
                }
                String target;
                try {
                    target = Files.readSymbolicLink(p).toString();
                } catch (IOException e) {
                    return Optional.empty();
                }
                if (target.startsWith("/")) {
                    done.clear();
                }
                String[] parts = target.split("/");
                for (int i = parts.length - 1; i >= 0; i--) {
                    todo.addFirst(parts[i]);
                }
                continue;
            }
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            done.add(c);
        }
        return Optional.of(join(root, done));
    }

    private static Path join(Path root, List<String> comps) {
        Path p = root;
        for (String c : comps) {
            p = p.resolve(c);
        }
        return p;
    }
}
