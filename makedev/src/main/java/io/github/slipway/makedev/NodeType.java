package io.github.slipway.makedev;

/** The kinds of entries MAKEDEV makes, named as mtree(5) spells them in {@code type=}. */
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

    /** The mtree(5) {@code type=} value, e.g. {@code "char"}. */
    public String mtreeName() {
        return mtreeName;
    }

    /** Whether this is a device special file (char or block). */
    public boolean isDevice() {
        return this == CHAR || this == BLOCK;
    }
}
