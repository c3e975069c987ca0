package io.github.slipway.makedev.internal;

import io.github.slipway.makedev.Arch;
import io.github.slipway.makedev.DevT;
import io.github.slipway.makedev.DeviceNode;
import io.github.slipway.makedev.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The state of one MAKEDEV run: the emitted entries, the warnings, and the one shell variable
 * whose stale value leaks into the output ({@code $unit}, read by the {@code hdmicec} arm, which
 * assigns {@code uint} by mistake). Arm bodies call {@link #mkdev}, {@link #lndev},
 * {@link #makedir}, {@link #warn} and {@link #makedev} as the script calls its functions.
 */
public final class Shell {
    static final int WHEEL = 0;
    static final int KMEM = 2;
    static final int OPERATOR = 5;
    static final int NTPD = 15;
    static final int GPIO = 29;
    static final int NVMM = 34;
    static final int ROOT = 0;
    static final int UUCP = 66;
    static final long DIALIN = 0;
    static final long DIALOUT = 524288;
    static final long CALLUNIT = 262144;

    private final ArmTable table;
    private final boolean fdescMounted;
    private final List<DeviceNode> out = new ArrayList<>(4096);
    private final List<String> warnings = new ArrayList<>();
    private String current = "";

    /** The script's global {@code $unit}. */
    String unit = "";
    /** Set by an arm that runs {@code break}: the enclosing {@code for i} loop ends. */
    boolean breakLoop;

    Shell(ArmTable table, boolean fdescMounted) {
        this.table = table;
        this.fdescMounted = fdescMounted;
    }

    /** Runs {@code makedev targets...} as the script's main loop does. */
    public static Shell run(ArmTable table, boolean fdescMounted, List<String> targets) {
        Shell sh = new Shell(table, fdescMounted);
        sh.makedev(targets.toArray(new String[0]));
        return sh;
    }

    /** The entries in the order MAKEDEV makes them. */
    public List<DeviceNode> nodes() {
        return out;
    }

    /** The warnings, without the {@code $0: } prefix. */
    public List<String> warnings() {
        return warnings;
    }

    Arch arch() {
        return table.arch();
    }

    boolean fdescMounted() {
        return fdescMounted;
    }

    /** The script's {@code makedev} function: dispatches each target to the first matching arm. */
    void makedev(String... targets) {
        String saved = current;
        for (String i : targets) {
            Optional<Arm> found = table.find(i);
            if (found.isEmpty()) {
                warn(i + ": unknown device");
                continue;
            }
            Arm arm = found.get();
            int mark = out.size();
            current = i;
            try {
                arm.body().orElseThrow().run(this, i);
            } catch (BadUnitException e) {
                // sh would stop on the arithmetic error, mtree on the number: drop this target only
                out.subList(mark, out.size()).clear();
                warn(i + ": " + e.getMessage());
            } finally {
                current = saved;
            }
            if (breakLoop) {
                breakLoop = false;
                break;
            }
        }
    }

    /** The script's {@code warn}: prints {@code $0: msg} and makes the exit status 1. */
    void warn(String msg) {
        warnings.add(msg);
    }

    int chr(String name) {
        OptionalInt m = table.majors().chr(name);
        if (m.isEmpty()) {
            throw new IllegalStateException("arm for " + current + " uses %" + name + "_chr%");
        }
        return m.getAsInt();
    }

    int blk(String name) {
        OptionalInt m = table.majors().blk(name);
        if (m.isEmpty()) {
            throw new IllegalStateException("arm for " + current + " uses %" + name + "_blk%");
        }
        return m.getAsInt();
    }

    /** {@code mkdev name b|c major minor [mode [gid [uid]]]} with an arithmetic minor. */
    void mkdev(String name, char bc, int major, long minor, String mode, int gid, int uid) {
        mkdevText(name, bc, major, Long.toString(minor), minor, mode, gid, uid);
    }

    void mkdev(String name, char bc, int major, long minor, String mode, int gid) {
        mkdev(name, bc, major, minor, mode, gid, ROOT);
    }

    void mkdev(String name, char bc, int major, long minor, String mode) {
        mkdev(name, bc, major, minor, mode, WHEEL, ROOT);
    }

    void mkdev(String name, char bc, int major, long minor) {
        mkdev(name, bc, major, minor, "600", WHEEL, ROOT);
    }

    /**
     * {@code mkdev} with the minor given as a word (usually {@code $unit}): MAKEDEV prints it as it
     * is, and mtree/mknod read it with {@code strtoul(..., 0)}.
     */
    void mkdevWord(String name, char bc, int major, String minorWord, String mode, int gid, int uid) {
        mkdevText(name, bc, major, minorWord, cNumber(minorWord), mode, gid, uid);
    }

    void mkdevWord(String name, char bc, int major, String minorWord, String mode) {
        mkdevWord(name, bc, major, minorWord, mode, WHEEL, ROOT);
    }

    void mkdevWord(String name, char bc, int major, String minorWord) {
        mkdevWord(name, bc, major, minorWord, "600", WHEEL, ROOT);
    }

    private void mkdevText(String name, char bc, int major, String text, long minor, String mode,
            int gid, int uid) {
        if (minor < 0 || minor > DevT.MAX_MINOR) {
            throw new BadUnitException("minor " + text + " of " + name + " does not fit NetBSD's 20-bit minor");
        }
        NodeType t = switch (bc) {
            case 'c' -> NodeType.CHAR;
            case 'b' -> NodeType.BLOCK;
            default -> throw new IllegalArgumentException("mkdev type " + bc);
        };
        out.add(new DeviceNode(name, t, major, (int) minor, text, mode, uid, gid, Optional.empty()));
    }

    /** {@code lndev src target}: the link {@code target} pointing to {@code src}. */
    void lndev(String src, String target) {
        out.add(new DeviceNode(target, NodeType.LINK, 0, 0, "", "0700", ROOT, WHEEL, Optional.of(src)));
    }

    /** {@code makedir dir mode}. */
    void makedir(String dir, String mode) {
        out.add(new DeviceNode(dir, NodeType.DIR, 0, 0, "", mode, ROOT, WHEEL, Optional.empty()));
    }

    /**
     * The value of a unit in sh arithmetic ({@code $(($unit * 16))}) or a number word as
     * {@code strtoul(..., 0)} reads it: decimal, {@code 0}-prefixed octal, {@code 0x} hex.
     *
     * @throws BadUnitException when the word is no number, or too large to matter
     */
    static long cNumber(String w) {
        if (w.isEmpty()) {
            throw new BadUnitException("missing unit number");
        }
        int radix = 10;
        String digits = w;
        if (w.length() > 2 && (w.startsWith("0x") || w.startsWith("0X"))) {
            radix = 16;
            digits = w.substring(2);
        } else if (w.length() > 1 && w.charAt(0) == '0') {
            radix = 8;
            digits = w.substring(1);
        }
        if (digits.length() > 9) {
            throw new BadUnitException("unit number " + w + " out of range");
        }
        long v = 0;
        for (int k = 0; k < digits.length(); k++) {
            int d = Character.digit(digits.charAt(k), radix);
            if (d < 0) {
                throw new BadUnitException("bad unit number '" + w + "'");
            }
            v = v * radix + d;
        }
        return v;
    }

    /** {@code ${i#prefix}}. */
    static String strip(String i, String prefix) {
        return i.startsWith(prefix) ? i.substring(prefix.length()) : i;
    }

    /** A unit that MAKEDEV cannot turn into device numbers. */
    static final class BadUnitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadUnitException(String message) {
            super(message, null, false, false);
        }
    }
}
