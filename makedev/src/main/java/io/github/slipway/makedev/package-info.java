/**
 * Synthesizes NetBSD /dev nodes like MAKEDEV, as node records and MAKEDEV -s mtree lines.
 */
package io.github.slipway.makedev;
