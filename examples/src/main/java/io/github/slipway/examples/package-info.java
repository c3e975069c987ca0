/**
 * The reference composition of slipway modules into a ship image.
 */
package io.github.slipway.examples;
