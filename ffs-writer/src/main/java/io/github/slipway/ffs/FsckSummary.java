package io.github.slipway.ffs;

import java.util.Locale;

/**
 * The numbers of fsck_ffs' last line: {@code N files, N used, N free (N frags, N blocks, N.N%
 * fragmentation)}. {@code files} and {@code used} are counted by phase 1 (allocated inodes, and
 * fragments held by files); the free counts come from the superblock's {@code fs_cstotal}.
 *
 * <pre>{@code
 * FfsChecker.check(image).summary().line();
 * // "12 files, 530 used, 3448 free (24 frags, 428 blocks, 0.6% fragmentation)"
 * }</pre>
 *
 * @param files allocated inodes from the root on ({@code n_files})
 * @param used fragments held by files and directories, indirect blocks included ({@code n_blks})
 * @param freeFrags {@code fs_cstotal.cs_nffree}
 * @param freeBlocks {@code fs_cstotal.cs_nbfree}
 * @param frag fragments a block ({@code fs_frag})
 * @param dataFrags {@code fs_dsize}
 */
public record FsckSummary(long files, long used, long freeFrags, long freeBlocks, int frag, long dataFrags) {
    /** {@return free space in fragments, {@code nffree + frag * nbfree}} */
    public long free() {
        return freeFrags + frag * freeBlocks;
    }

    /** {@return the fragmentation in tenths of a percent, rounded like fsck_ffs prints it} */
    public long fragmentationTenths() {
        if (dataFrags <= 0) {
            return 0;
        }
        return freeFrags * 100 / dataFrags * 10 + ((freeFrags * 1000 + dataFrags / 2) / dataFrags) % 10;
    }

    /** {@return the summary line exactly as fsck_ffs prints it} */
    public String line() {
        long whole = dataFrags <= 0 ? 0 : freeFrags * 100 / dataFrags;
        long tenth = dataFrags <= 0 ? 0 : ((freeFrags * 1000 + dataFrags / 2) / dataFrags) % 10;
        return String.format(Locale.ROOT, "%d files, %d used, %d free (%d frags, %d blocks, %d.%d%% fragmentation)",
                files, used, free(), freeFrags, freeBlocks, whole, tenth);
    }
}
