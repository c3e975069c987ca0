/**
 * Generates a minimal /etc/rc, /etc/fstab and /etc/rc.conf for a sailor ship.
 */
package io.github.slipway.rc;
