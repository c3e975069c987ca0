package io.github.slipway.sailor.elf;

/**
 * Which dynamic loader's search rules the resolver follows.
 *
 * <pre>{@code
 * LibraryResolver.builder().os(OsRules.NETBSD).build();
 * }</pre>
 */
public enum OsRules {
    /**
     * NetBSD {@code ld.elf_so}: extra paths and the sysroot's {@code /etc/ld.so.conf}, then the
     * needing object's {@code DT_RPATH} (its {@code DT_RUNPATH} if it has no RPATH), then {@code /usr/lib};
     * {@code $ORIGIN} is the real directory of the program being run (for every object).
     */
    NETBSD,
    /**
     * Linux glibc {@code ld.so}: {@code DT_RPATH} of the needing object and its loaders (when the
     * object has no {@code DT_RUNPATH}), extra paths, {@code DT_RUNPATH}, the directories of
     * {@code /etc/ld.so.conf} (what {@code ld.so.cache} holds), then the multiarch and default
     * directories.
     */
    LINUX,
    /**
     * Per program: NetBSD when it carries a NetBSD ident note or asks for {@code ld.elf_so}, Linux
     * when it carries a GNU ABI tag or a Linux interpreter, otherwise whatever loader the sysroot
     * has ({@code /usr/libexec/ld.elf_so} means NetBSD).
     */
    AUTO
}
