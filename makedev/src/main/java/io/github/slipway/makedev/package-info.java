/**
 * Synthesizes NetBSD /dev nodes like MAKEDEV, as node records and {@code MAKEDEV -s} mtree lines,
 * for i386 and amd64, on any host and without root.
 *
 * <pre>{@code
 * Expansion e = Makedev.forArch(Arch.AMD64).expand("std", "ld0", "ptm");
 * for (DeviceNode n : e.unique()) {
 *     // n.path() "ld0a", n.type() BLOCK, n.major() 19, n.minor() 0, n.dev() 0x1300, n.mode() 0640 ...
 * }
 * String makedevOutput = e.makedevSpec();      // byte for byte what MAKEDEV -s prints
 * String forMakefs = e.fileSystemSpec("dev");  // ./dev/... lines for makefs -F
 * }</pre>
 *
 * <p>{@link io.github.slipway.makedev.Makedev} says which NetBSD revisions it follows and what
 * it does where the shell script would fail; {@link io.github.slipway.makedev.DevT} packs
 * NetBSD's 32-bit {@code dev_t}.
 */
package io.github.slipway.makedev;
