/** The reader, checker and NIO provider behind the public {@code io.github.slipway.ffs} types; not exported. */
package io.github.slipway.ffs.internal;
