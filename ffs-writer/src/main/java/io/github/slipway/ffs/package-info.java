/**
 * Writes FFSv1 (UFS1) images like NetBSD makefs, reads them back and checks them like fsck_ffs.
 */
package io.github.slipway.ffs;
