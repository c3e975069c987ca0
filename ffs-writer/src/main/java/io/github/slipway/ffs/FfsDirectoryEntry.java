package io.github.slipway.ffs;

/**
 * One name in an image directory, as {@link FfsImage#list(String)} returns it.
 *
 * <pre>{@code
 * for (FfsDirectoryEntry e : image.list("/etc")) {
 *     System.out.println(e.name() + " " + e.inode() + " " + e.type());
 * }
 * }</pre>
 *
 * @param name the name (UTF-8 decoded)
 * @param inode {@code d_ino}
 * @param type the type of the inode it names (from the inode, not from {@code d_type})
 */
public record FfsDirectoryEntry(String name, long inode, EntryType type) {
}
