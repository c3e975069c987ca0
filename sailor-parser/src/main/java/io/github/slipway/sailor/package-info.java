/**
 * sailor conf reading: {@link io.github.slipway.sailor.ConfReader} reads a conf the way sailor's
 * {@code /bin/sh} would (never executing anything) into a {@link io.github.slipway.sailor.ShipConfig},
 * and lints it into {@link io.github.slipway.sailor.ConfWarning}s; command substitutions go to a
 * {@link io.github.slipway.sailor.CommandResolver}; errors are
 * {@link io.github.slipway.sailor.ConfException}s at file:line:column, bounded by
 * {@link io.github.slipway.sailor.ConfLimits}.
 */
package io.github.slipway.sailor;
