/**
 * The MAKEDEV template as code: the major tables, the case arms and the little shell state they
 * share. Not exported.
 */
package io.github.slipway.makedev.internal;
