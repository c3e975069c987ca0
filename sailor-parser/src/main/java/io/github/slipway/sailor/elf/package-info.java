/**
 * ELF reading and shared-library closures inside a sysroot: {@link io.github.slipway.sailor.elf.ElfFile}
 * reads one object, {@link io.github.slipway.sailor.elf.LibraryResolver} follows interpreters and
 * {@code DT_NEEDED} entries under NetBSD {@code ld.elf_so} or Linux glibc rules and returns a
 * {@link io.github.slipway.sailor.elf.Closure}: the files to copy into a ship and the symlinks
 * that lead to them.
 */
package io.github.slipway.sailor.elf;
