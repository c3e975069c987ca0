package io.github.slipway.ffs;

import java.util.OptionalLong;

/**
 * One inconsistency the checker found, in the words of NetBSD's fsck_ffs where it has them.
 *
 * <pre>{@code
 * for (FsckFinding f : FfsChecker.check(image).findings()) {
 *     System.out.println("phase " + f.phase() + " " + f.code() + ": " + f.message());
 * }
 * }</pre>
 *
 * @param phase 0 for the superblock (fsck's setup), 1 to 5 for fsck_ffs' phases
 * @param code a stable name for the kind of damage, e.g. {@code LINK_COUNT}, {@code BLOCK_DUP}
 * @param inode the inode at fault, if one is
 * @param block the fragment address at fault, if one is
 * @param offset the byte offset in the image of the damaged field, or -1 if none applies
 * @param message what fsck_ffs would print, with the numbers
 */
public record FsckFinding(int phase, String code, OptionalLong inode, OptionalLong block, long offset,
        String message) {
}
