package io.github.slipway.ffs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * makefs {@code -F}: an mtree spec applied to a tree as walk.c's {@code apply_specfile} does.
 * Entries that exist take the spec's values after a type check; entries only in the spec are
 * created (they need type, mode, owner and group, and a device number for devices) and inserted
 * right after ".", so they end up in reverse spec order; {@code optional} entries are created
 * only if the host has them; with {@code -x} what the spec lacks is dropped.
 */
final class SpecApplication {
    private final MtreeSpec spec;
    private final Path hostRoot;
    private final boolean onlySpec;
    private final Instant startTime;
    private final Map<String, List<MtreeEntry>> children = new LinkedHashMap<>();

    private SpecApplication(MtreeSpec spec, Path hostRoot, boolean onlySpec, Instant startTime) {
        this.spec = spec;
        this.hostRoot = hostRoot;
        this.onlySpec = onlySpec;
        this.startTime = startTime;
    }

    static void apply(ImageTree tree, MtreeSpec spec, Path hostRoot, boolean onlySpec, Instant startTime)
            throws IOException {
        SpecApplication a = new SpecApplication(spec, hostRoot, onlySpec, startTime);
        List<MtreeEntry> merged = spec.merged();
        if (merged.isEmpty()) {
            throw new MtreeFormatException(spec.sourceName(), 0, Optional.empty(), "specfile did not contain a tree");
        }
        MtreeEntry root = merged.get(0);
        for (MtreeEntry e : merged.subList(1, merged.size())) {
            a.children.computeIfAbsent(parentOf(e.path()), k -> new ArrayList<>()).add(e);
        }
        a.applyDir(hostRoot.toString(), root, tree.root());
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }

    private MtreeFormatException error(MtreeEntry e, String what) {
        return new MtreeFormatException(spec.sourceName(), e.line(), Optional.of(e.path()), what);
    }

    private void applyDir(String dir, MtreeEntry specDir, ImageNode dirNode) throws IOException {
        if (specDir.type().orElse(null) != EntryType.DIRECTORY) {
            throw error(specDir, "specfile node `" + dir + "' is not a directory");
        }
        applyEntry(dir, specDir, dirNode);
        List<MtreeEntry> kids = children.getOrDefault(specDir.path(), List.of());
        if (onlySpec) {
            for (String name : new ArrayList<>(dirNode.names())) {
                if (kids.stream().noneMatch(k -> k.name().equals(name))) {
                    dirNode.remove(name);
                }
            }
        }
        for (MtreeEntry cur : kids) {
            String path = dir + "/" + cur.name();
            Optional<ImageNode> found = dirNode.child(cur.name());
            ImageNode node;
            if (found.isEmpty()) {
                if (cur.optional() && !Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                EntryType type = cur.type().orElseThrow(() -> error(cur, "`" + path + "': type not provided"));
                if (cur.mode().isEmpty()) {
                    throw error(cur, "`" + path + "': mode not provided");
                }
                if (cur.gid().isEmpty()) {
                    throw error(cur, "`" + path + "': group not provided");
                }
                if (cur.uid().isEmpty()) {
                    throw error(cur, "`" + path + "': user not provided");
                }
                if (type.isDevice() && cur.device().isEmpty()) {
                    throw error(cur, "`" + path + "': device number not provided");
                }
                Metadata m = new Metadata(0, 0, 0, startTime, startTime, startTime, 0);
                node = switch (type) {
                    case FILE -> ImageNode.file(m, FileContent.of(Path.of(path), 0));
                    case SYMLINK -> ImageNode.symlink(m, cur.link().orElseThrow(
                            () -> error(cur, "`" + path + "': link target not provided")));
                    default -> ImageNode.ofType(type, m);
                };
                try {
                    dirNode.addFirst(cur.name(), node);
                } catch (IllegalArgumentException e) {
                    throw error(cur, e.getMessage());
                }
            } else {
                node = found.get();
            }
            applyEntry(dir, cur, node);
            if (cur.type().orElse(null) == EntryType.DIRECTORY) {
                if (node.type() != EntryType.DIRECTORY) {
                    throw error(cur, "`" + path + "' is not a directory");
                }
                applyDir(path, cur, node);
            }
        }
    }

    private void applyEntry(String dir, MtreeEntry e, ImageNode node) throws IOException {
        EntryType specType = e.type().orElseThrow(() -> error(e, "type not provided"));
        if (specType != node.type()) {
            throw error(e, "`" + dir + "/" + e.name() + "' type mismatch: specfile " + specType.mtreeName()
                    + ", tree " + node.type().mtreeName());
        }
        Metadata m = node.metadata();
        if (e.gid().isPresent()) {
            m = m.withOwner(m.uid(), e.gid().getAsLong());
        }
        if (e.mode().isPresent()) {
            m = m.withPermissions(e.mode().getAsInt() & 07777);
        }
        if (e.size().isPresent() && node.type() == EntryType.FILE) {
            node.setContent(node.content().orElseThrow().withSize(e.size().getAsLong()));
        }
        if (e.link().isPresent() && node.type() == EntryType.SYMLINK) {
            node.setLinkTarget(e.link().get());
        }
        if (e.time().isPresent()) {
            Instant t = e.time().get();
            m = m.withTimes(t, t, startTime);
        }
        if (e.uid().isPresent()) {
            m = m.withOwner(e.uid().getAsLong(), m.gid());
        }
        if (e.flags().isPresent()) {
            m = m.withFlags(e.flags().getAsInt());
        }
        if (e.device().isPresent() && node.type().isDevice()) {
            node.setDevice(e.device().get());
        }
        node.setMetadata(m);
    }
}
