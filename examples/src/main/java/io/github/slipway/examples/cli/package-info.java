/**
 * The {@code slipway} command line: one class per subcommand.
 */
package io.github.slipway.examples.cli;
