package io.github.slipway.makedev;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry MAKEDEV makes under {@code /dev}: a device node, a symbolic link or a directory.
 *
 * <p>{@code path} is relative to {@code /dev} ({@code "ld0a"}, {@code "fd/0"}). {@code minorText}
 * and {@code modeText} keep the spelling MAKEDEV prints ({@code 0xfffff} for the tap clone minor,
 * {@code 0640} for wedges, {@code 600} elsewhere), so that {@link #specLine()} reproduces
 * {@code MAKEDEV -s} byte for byte; {@code minor} and {@link #mode()} are their values. Links and
 * directories have major and minor 0 and an empty {@code minorText}.
 *
 * <pre>{@code
 * DeviceNode n = Makedev.forArch(Arch.AMD64).expand("ld0").nodes().get(2);
 * n.path();      // "ld0a"
 * n.dev();       // DevT.pack(19, 0)
 * n.specLine();  // "./ld0a type=block device=netbsd,19,0 mode=640 gid=5 uid=0"
 * }</pre>
 *
 * @param path the path under {@code /dev}, without a leading {@code ./}
 * @param type char, block, link or dir
 * @param major the major number (devices only, else 0)
 * @param minor the minor number's value (devices only, else 0)
 * @param minorText the minor as MAKEDEV prints it (devices only, else empty)
 * @param modeText the permission bits as MAKEDEV prints them (octal digits)
 * @param uid the owner's numeric id
 * @param gid the group's numeric id
 * @param linkTarget the link's contents (links only)
 */
public record DeviceNode(String path, NodeType type, int major, int minor, String minorText,
        String modeText, int uid, int gid, Optional<String> linkTarget) {

    /**
     * Checks the components; a device's numbers must fit NetBSD's {@code dev_t}.
     *
     * @param path the path under {@code /dev}, without a leading {@code ./}
     * @param type char, block, link or dir
     * @param major the major number (devices only, else 0)
     * @param minor the minor number's value (devices only, else 0)
     * @param minorText the minor as MAKEDEV prints it (devices only, else empty)
     * @param modeText the permission bits as MAKEDEV prints them (octal digits)
     * @param uid the owner's numeric id
     * @param gid the group's numeric id
     * @param linkTarget the link's contents (links only)
     */
    public DeviceNode {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(minorText, "minorText");
        Objects.requireNonNull(modeText, "modeText");
        Objects.requireNonNull(linkTarget, "linkTarget");
        if (path.isEmpty() || path.startsWith("/")) {
            throw new IllegalArgumentException("bad path '" + path + "'");
        }
        if (!isOctal(modeText)) {
            throw new IllegalArgumentException(path + ": bad mode '" + modeText + "'");
        }
        if (type.isDevice()) {
            DevT.pack(major, minor); // range check
        } else if (major != 0 || minor != 0 || !minorText.isEmpty()) {
            throw new IllegalArgumentException(path + ": a " + type.mtreeName() + " has no device number");
        }
        if (linkTarget.isPresent() != (type == NodeType.LINK)) {
            throw new IllegalArgumentException(path + ": only links have a link target");
        }
    }

    private static boolean isOctal(String s) {
        if (s.isEmpty() || s.length() > 4) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }

    /** {@return the permission bits ({@code modeText} read as octal)} */
    public int mode() {
        return Integer.parseInt(modeText, 8);
    }

    /** {@return the packed NetBSD {@code dev_t} of a device node (see {@link DevT}); 0 for links and dirs} */
    public int dev() {
        return type.isDevice() ? DevT.pack(major, minor) : 0;
    }

    /** {@return the line {@code MAKEDEV -s} prints for this entry (no line end)} */
    public String specLine() {
        return specLine("./");
    }

    /**
     * {@return the entry as an mtree(5) line whose path starts with {@code prefix} (e.g. {@code "./dev/"})}
     *
     * @param prefix what goes before the name, e.g. {@code ./} or {@code ./dev/}
     */
    public String specLine(String prefix) {
        String p = prefix + path;
        return switch (type) {
            case CHAR, BLOCK -> p + " type=" + type.mtreeName() + " device=netbsd," + major + ","
                    + minorText + " mode=" + modeText + " gid=" + gid + " uid=" + uid;
            case LINK -> p + " type=link link=" + linkTarget.orElseThrow() + " mode=" + modeText
                    + " gid=" + gid + " uid=" + uid;
            case DIR -> p + " type=dir mode=" + modeText + " gid=" + gid + " uid=" + uid;
        };
    }
}
