/**
 * The FFSv1 writer's internals: the in-core superblock and cylinder groups, NetBSD makefs' block
 * allocator ({@code ffs_alloc.c}, {@code ffs_balloc.c}), its size estimate and its directory
 * packing, and the libc {@code random()} generator makefs draws {@code di_gen} values from.
 * Nothing here is exported.
 */
package io.github.slipway.ffs.internal.write;
