/** Hidden parts of the ELF reader and resolver: field layout, parser, chroot path walking, ld.so.conf. */
package io.github.slipway.sailor.elf.internal;
