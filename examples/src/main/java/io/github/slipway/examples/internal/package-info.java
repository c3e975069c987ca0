/**
 * The parts of the ship image builder that are not API: the staged image tree, the account
 * tables, the reading of {@code run_at_build} MAKEDEV lines and of the written superblock.
 */
package io.github.slipway.examples.internal;
