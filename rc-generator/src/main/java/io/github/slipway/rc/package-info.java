/**
 * Generates a minimal /etc/rc, /etc/fstab and /etc/rc.conf for a sailor ship:
 * {@link io.github.slipway.rc.RcGenerator#generate} renders a
 * {@link io.github.slipway.sailor.ShipConfig} with {@link io.github.slipway.rc.RcOptions} into
 * {@link io.github.slipway.rc.RcFiles}.
 *
 * <p>Safety rules, in one place: every value taken from the conf or the options (addresses,
 * interface, service and host names, paths, command words) is validated and then
 * single-quoted; a value that cannot be data is refused with an
 * {@link io.github.slipway.rc.RcException} naming the key and the conf position. The
 * {@code run_at_start}/{@code run_at_stop} commands are the user's own shell code: they go in
 * verbatim, each in its own subshell, after a check that the code ends where it starts (no
 * unterminated quote or substitution, no here-document, no trailing backslash), so that it
 * cannot swallow the rest of the script.
 */
package io.github.slipway.rc;
