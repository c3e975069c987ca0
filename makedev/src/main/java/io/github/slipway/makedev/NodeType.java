package io.github.slipway.makedev;

/**
 * The kinds of entries MAKEDEV makes, named as mtree(5) spells them in {@code type=}.
 *
 * <pre>{@code
 * for (DeviceNode n : Makedev.forArch(Arch.AMD64).expand("std").nodes()) {
 *     if (n.type() == NodeType.CHAR) {
 *         System.out.println(n.path() + " " + n.type().mtreeName());   // "null char"
 *     }
 * }
 * }</pre>
 */
public enum NodeType {
    /** A character special file ({@code mkdev NAME c ...}). */
    CHAR("char"),
    /** A block special file ({@code mkdev NAME b ...}). */
    BLOCK("block"),
    /** A symbolic link ({@code lndev SRC TARGET}). */
    LINK("link"),
    /** A directory ({@code makedir DIR MODE}). */
    DIR("dir");

    private final String mtreeName;

    NodeType(String mtreeName) {
        this.mtreeName = mtreeName;
    }

    /** {@return the mtree(5) {@code type=} value, e.g. {@code "char"}} */
    public String mtreeName() {
        return mtreeName;
    }

    /** {@return whether this is a device special file (char or block)} */
    public boolean isDevice() {
        return this == CHAR || this == BLOCK;
    }
}
