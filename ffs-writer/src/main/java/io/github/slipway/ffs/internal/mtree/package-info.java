/**
 * The pieces of NetBSD's mtree(8) that makefs uses, rewritten: {@code fparseln(3)} line reading,
 * {@code vis(3)}/{@code unvis(3)}, {@code setmode(3)}, {@code pack_dev.c} device formats,
 * {@code stat_flags.c} file flags, the spec.c tree builder and the standard NetBSD accounts.
 * Not exported; the API is {@code io.github.slipway.ffs.MtreeSpec} and friends.
 */
package io.github.slipway.ffs.internal.mtree;
