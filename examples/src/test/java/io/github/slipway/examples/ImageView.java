package io.github.slipway.examples;

import io.github.slipway.ffs.oracle.SleuthKit;

import io.github.slipway.ffs.EntryType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An image as The Sleuth Kit reads it, with paths resolved the way the ship's kernel would
 * resolve them: symbolic links inside the image are followed, absolute targets from the image's
 * root (the tests' only view of the image is the Sleuth Kit's, never slipway's own reader).
 */
final class ImageView {
    private final Path image;
    private final Map<String, SleuthKit.Entry> entries;

    private ImageView(Path image, Map<String, SleuthKit.Entry> entries) {
        this.image = image;
        this.entries = entries;
    }

    static ImageView of(Path image) throws IOException {
        Map<String, SleuthKit.Entry> m = new LinkedHashMap<>();
        for (SleuthKit.Entry e : SleuthKit.list(image)) {
            m.put(e.path(), e);
        }
        return new ImageView(image, m);
    }

    Map<String, SleuthKit.Entry> entries() {
        return entries;
    }

    /** The entry at exactly this path (no link following), e.g. {@code dev/null}. */
    Optional<SleuthKit.Entry> entry(String path) {
        return Optional.ofNullable(entries.get(strip(path)));
    }

    /** The entry an absolute path names after following every link, as open(2) would. */
    Optional<SleuthKit.Entry> resolve(String path) {
        List<String> todo = new ArrayList<>(List.of(strip(path).split("/")));
        List<String> at = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.remove(0);
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!at.isEmpty()) {
                    at.remove(at.size() - 1);
                }
                continue;
            }
            at.add(name);
            SleuthKit.Entry e = entries.get(String.join("/", at));
            if (e == null) {
                return Optional.empty();
            }
            if (e.type() == EntryType.SYMLINK) {
                if (++links > 32) {
                    return Optional.empty();
                }
                at.remove(at.size() - 1);
                String target = e.linkTarget().orElseThrow();
                if (target.startsWith("/")) {
                    at.clear();
                }
                List<String> t = new ArrayList<>(List.of(target.split("/")));
                t.addAll(todo);
                todo = t;
            }
        }
        return at.isEmpty() ? Optional.empty() : Optional.ofNullable(entries.get(String.join("/", at)));
    }

    /** The bytes of the regular file a path resolves to, by {@code icat}. */
    byte[] content(String path) throws IOException {
        SleuthKit.Entry e = resolve(path).orElseThrow(() -> new AssertionError(path + " not in " + image));
        if (e.type() != EntryType.FILE) {
            throw new AssertionError(path + " resolves to a " + e.type() + " in " + image);
        }
        return SleuthKit.content(image, e.inode());
    }

    private static String strip(String p) {
        return p.replaceFirst("^/+", "");
    }
}
