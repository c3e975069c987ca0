/**
 * The pieces behind {@link io.github.slipway.rc.RcGenerator}: value validation, sh quoting, the
 * check that keeps a user's shell code from running into the rest of the script, and the writer.
 * Not exported.
 */
package io.github.slipway.rc.internal;
