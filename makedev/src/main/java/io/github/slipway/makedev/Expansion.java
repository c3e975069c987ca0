package io.github.slipway.makedev;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What MAKEDEV makes for a list of targets: the entries in MAKEDEV's order (duplicates kept), the
 * warnings, and the text forms.
 *
 * <pre>{@code
 * Expansion e = Makedev.forArch(Arch.AMD64).expand("std", "null");
 * e.exitStatus();                 // 1: "null" is no target
 * e.warningLines("./MAKEDEV");    // "./MAKEDEV: null: unknown device\n"
 * e.fileSystemSpec("dev");        // de-duplicated mtree spec for makefs -F
 * }</pre>
 */
public final class Expansion {
    private final Arch arch;
    private final List<DeviceNode> nodes;
    private final List<String> warnings;

    Expansion(Arch arch, List<DeviceNode> nodes, List<String> warnings) {
        this.arch = arch;
        this.nodes = List.copyOf(nodes);
        this.warnings = List.copyOf(warnings);
    }

    /** {@return the arch expanded for} */
    public Arch arch() {
        return arch;
    }

    /** {@return every entry in the order MAKEDEV makes it, duplicates included} */
    public List<DeviceNode> nodes() {
        return nodes;
    }

    /** {@return MAKEDEV's warnings without its {@code $0: } prefix, e.g. {@code "null: unknown device"}} */
    public List<String> warnings() {
        return warnings;
    }

    /** {@return MAKEDEV's exit status: 1 when it warned, else 0} */
    public int exitStatus() {
        return warnings.isEmpty() ? 0 : 1;
    }

    /**
     * {@return one entry per path, at the place of its first appearance, with the attributes of its last (mtree and
     * pax apply repeated entries in turn, so the last one wins)}
     */
    public List<DeviceNode> unique() {
        Map<String, DeviceNode> m = new LinkedHashMap<>();
        for (DeviceNode n : nodes) {
            m.put(n.path(), n);
        }
        return new ArrayList<>(m.values());
    }

    /**
     * {@return exactly what {@code MAKEDEV -s} prints on stdout: {@code ". type=dir optional"}, then a line per
     * entry}
     */
    public String makedevSpec() {
        StringBuilder sb = new StringBuilder(64 * (nodes.size() + 1));
        sb.append(". type=dir optional\n");
        for (DeviceNode n : nodes) {
            sb.append(n.specLine()).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@return the warnings as MAKEDEV prints them on stderr, each as {@code scriptName + ": " + warning}}
     *
     * @param scriptName the prefix of each line, e.g. {@code ./MAKEDEV}
     */
    public String warningLines(String scriptName) {
        StringBuilder sb = new StringBuilder();
        for (String w : warnings) {
            sb.append(scriptName).append(": ").append(w).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@return the de-duplicated entries as an mtree(5) spec for a whole file system, usable with {@code makefs -F}:
     * {@code ". type=dir optional"}, then {@code ./DIR} as a directory (mode 755, root:wheel), then each entry under
     * {@code ./DIR/}}
     *
     * @param dir the directory the entries go in, relative to the root, e.g. {@code "dev"}
     */
    public String fileSystemSpec(String dir) {
        if (dir.isEmpty() || dir.startsWith("/") || dir.endsWith("/") || dir.contains(" ")
                || dir.contains("..") || dir.contains("\\")) {
            throw new IllegalArgumentException("bad directory '" + dir + "' (want a relative path like dev)");
        }
        StringBuilder sb = new StringBuilder();
        sb.append(". type=dir optional\n");
        String[] parts = dir.split("/");
        String p = ".";
        for (String part : parts) {
            p = p + "/" + part;
            sb.append(p).append(" type=dir mode=755 gid=0 uid=0\n");
        }
        for (DeviceNode n : unique()) {
            sb.append(n.specLine("./" + dir + "/")).append('\n');
        }
        return sb.toString();
    }
}
