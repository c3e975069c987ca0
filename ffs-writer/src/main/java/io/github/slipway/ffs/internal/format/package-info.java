/**
 * The on-disk records of a UFS1 image, one per C struct ({@code struct fs}, {@code struct cg},
 * {@code struct ufs1_dinode}, {@code struct direct}), each with its offsets in a {@code ...Layout}
 * class. Shared by the writer, the reader and the checker; not exported.
 */
package io.github.slipway.ffs.internal.format;
