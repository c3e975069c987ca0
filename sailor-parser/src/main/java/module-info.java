/**
 * Reads sailor {@code .conf} files the way sailor's {@code /bin/sh} sees them, without executing
 * anything, and resolves the ELF shared-library closure of a ship's binaries inside a sysroot.
 */
module io.github.slipway.sailor {
    exports io.github.slipway.sailor;
    exports io.github.slipway.sailor.elf;
}
