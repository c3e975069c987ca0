/**
 * sailor conf reading: {@link io.github.slipway.sailor.ShipConfig} and the types it is made of.
 */
package io.github.slipway.sailor;
