/**
 * The shell-subset interpreter behind {@link io.github.slipway.sailor.ConfReader}: file loading
 * with limits ({@link io.github.slipway.sailor.internal.ConfText}), lexing and evaluation
 * ({@link io.github.slipway.sailor.internal.Interpreter}), sailor's {@code run_at_*} loop
 * ({@link io.github.slipway.sailor.internal.RunAtLoop}) and the sysroot globbing the linter uses.
 * Not exported.
 */
package io.github.slipway.sailor.internal;
