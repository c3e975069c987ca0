package io.github.slipway.ffs.internal.mtree;

import java.util.Map;
import java.util.TreeMap;

/**
 * The keywords of an mtree(5) spec line. The list is NetBSD mtree's {@code keylist[]}
 * (misc.c 1.34: Debian makefs' 2009 copy plus {@code nochange} and {@code ripemd160digest}), and
 * FreeBSD makefs' {@code contents}.
 */
public enum Keyword {
    CKSUM(true), CONTENTS(true), DEVICE(true), FLAGS(true), GID(true), GNAME(true), IGNORE(false),
    LINK(true), MD5(true), MODE(true), NLINK(true), NOCHANGE(false), OPTIONAL(false), RMD160(true),
    SHA1(true), SHA256(true), SHA384(true), SHA512(true), SIZE(true), TAGS(true), TIME(true),
    TYPE(true), UID(true), UNAME(true);

    private final boolean needsValue;

    Keyword(boolean needsValue) {
        this.needsValue = needsValue;
    }

    /** Whether the keyword takes {@code =value}. */
    public boolean needsValue() {
        return needsValue;
    }

    private static final Map<String, Keyword> BY_NAME = new TreeMap<>();

    static {
        for (Keyword k : values()) {
            BY_NAME.put(k.name().toLowerCase(java.util.Locale.ROOT), k);
        }
        BY_NAME.put("md5digest", MD5);
        BY_NAME.put("rmd160digest", RMD160);
        BY_NAME.put("ripemd160digest", RMD160);
        BY_NAME.put("sha1digest", SHA1);
        BY_NAME.put("sha256digest", SHA256);
        BY_NAME.put("sha384digest", SHA384);
        BY_NAME.put("sha512digest", SHA512);
    }

    /** The keyword spelled {@code name}, or null. */
    public static Keyword byName(String name) {
        return BY_NAME.get(name);
    }

    /** Every spelling mtree accepts, sorted. */
    public static Iterable<String> spellings() {
        return BY_NAME.keySet();
    }

    /** The canonical spelling ({@code sha256} for {@code sha256digest}). */
    public String canonical() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
