package io.github.slipway.ffs;

import io.github.slipway.ffs.internal.mtree.FileFlags;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One entry of an mtree(5) spec: a path and the keywords given for it (its own and those of the
 * {@code /set} lines in force), with vis(3) escapes already decoded. A keyword that was not given
 * is an empty {@code Optional} (or {@code false}, or an empty list or map).
 *
 * <pre>{@code
 * MtreeEntry null_ = MtreeEntry.builder("./dev/null")
 *         .type(EntryType.CHAR_DEVICE).mode(0666).uid(0).gid(0)
 *         .device(new DeviceNumber(2, 2))
 *         .build();
 * MtreeWriter.format(null_);
 * // "./dev/null type=char mode=0666 uid=0 gid=0 device=netbsd,2,2"
 * }</pre>
 *
 * <p>{@link #equals} compares every keyword and the path, but not the line number.
 */
public final class MtreeEntry {
    /** The digest algorithms, as their canonical mtree keywords. */
    public static final List<String> DIGESTS = List.of("md5", "rmd160", "sha1", "sha256", "sha384", "sha512");

    private final String path;
    private final int line;
    private final EntryType type;
    private final Integer mode;
    private final Long uid;
    private final String uname;
    private final Long gid;
    private final String gname;
    private final String link;
    private final DeviceNumber device;
    private final Instant time;
    private final Long size;
    private final Integer flags;
    private final String flagsText;
    private final Long nlink;
    private final boolean optional;
    private final boolean ignore;
    private final boolean nochange;
    private final String contents;
    private final List<String> tags;
    private final Long cksum;
    private final Map<String, String> digests;

    private MtreeEntry(Builder b) {
        path = b.path;
        line = b.line;
        type = b.type;
        mode = b.mode;
        uid = b.uid;
        uname = b.uname;
        gid = b.gid;
        gname = b.gname;
        link = b.link;
        device = b.device;
        time = b.time;
        size = b.size;
        flags = b.flags;
        flagsText = b.flagsText;
        nlink = b.nlink;
        optional = b.optional;
        ignore = b.ignore;
        nochange = b.nochange;
        contents = b.contents;
        tags = List.copyOf(b.tags);
        cksum = b.cksum;
        digests = Collections.unmodifiableMap(new TreeMap<>(b.digests));
    }

    /**
     * {@return a builder for an entry at {@code path} ({@code .} or {@code ./a/b})}
     *
     * @param path the entry's path, e.g. {@code ./dev/null}
     */
    public static Builder builder(String path) {
        return new Builder(path);
    }

    /**
     * A builder holding this entry's values.
     *
     * @return this builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(path);
        b.line = line;
        b.type = type;
        b.mode = mode;
        b.uid = uid;
        b.uname = uname;
        b.gid = gid;
        b.gname = gname;
        b.link = link;
        b.device = device;
        b.time = time;
        b.size = size;
        b.flags = flags;
        b.flagsText = flagsText;
        b.nlink = nlink;
        b.optional = optional;
        b.ignore = ignore;
        b.nochange = nochange;
        b.contents = contents;
        b.tags = List.copyOf(tags);
        b.cksum = cksum;
        b.digests = new TreeMap<>(digests);
        return b;
    }

    /** {@return the normalized path: {@code .} for the root, else {@code ./a/b} (decoded, no escapes)} */
    public String path() {
        return path;
    }

    /** {@return the last element of the path ({@code .} for the root)} */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** {@return the spec line the entry starts on (1-based), 0 for entries built through the API} */
    public int line() {
        return line;
    }

    /** {@return {@code type=}: the kind of file} */
    public Optional<EntryType> type() {
        return Optional.ofNullable(type);
    }

    /** {@return {@code mode=}: the permission bits (at most {@code 07777}), symbolic modes already applied} */
    public OptionalInt mode() {
        return mode == null ? OptionalInt.empty() : OptionalInt.of(mode);
    }

    /** {@return the owner: {@code uid=}, or the uid {@code uname=} resolved to, whichever came last} */
    public OptionalLong uid() {
        return uid == null ? OptionalLong.empty() : OptionalLong.of(uid);
    }

    /** {@return {@code uname=}: the owner's name as written} */
    public Optional<String> uname() {
        return Optional.ofNullable(uname);
    }

    /** {@return the group: {@code gid=}, or the gid {@code gname=} resolved to, whichever came last} */
    public OptionalLong gid() {
        return gid == null ? OptionalLong.empty() : OptionalLong.of(gid);
    }

    /** {@return {@code gname=}: the group's name as written} */
    public Optional<String> gname() {
        return Optional.ofNullable(gname);
    }

    /** {@return {@code link=}: the symbolic link's target (decoded)} */
    public Optional<String> link() {
        return Optional.ofNullable(link);
    }

    /** {@return {@code device=}: the device number, as the 32-bit NetBSD {@code dev_t} makefs stores} */
    public Optional<DeviceNumber> device() {
        return Optional.ofNullable(device);
    }

    /** {@return {@code time=SEC.NSEC}: the modification time (seconds and nanoseconds)} */
    public Optional<Instant> time() {
        return Optional.ofNullable(time);
    }

    /** {@return {@code size=}: the file size in bytes} */
    public OptionalLong size() {
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /** {@return {@code flags=}: the file flags as {@code UF_}/{@code SF_} bits (0 for {@code none})} */
    public OptionalInt flags() {
        return flags == null ? OptionalInt.empty() : OptionalInt.of(flags);
    }

    /** {@return {@code flags=}: the flags as written ({@code uchg,nodump}, {@code none})} */
    public Optional<String> flagsText() {
        return Optional.ofNullable(flagsText);
    }

    /** {@return {@code nlink=}: the link count (makefs ignores it)} */
    public OptionalLong nlink() {
        return nlink == null ? OptionalLong.empty() : OptionalLong.of(nlink);
    }

    /** {@return {@code optional}: makefs skips the entry when the tree lacks it} */
    public boolean optional() {
        return optional;
    }

    /** {@return {@code ignore}: mtree does not descend below this entry} */
    public boolean ignore() {
        return ignore;
    }

    /** {@return {@code nochange}: mtree -u only creates the entry, never changes it} */
    public boolean nochange() {
        return nochange;
    }

    /** {@return {@code contents=}: the file whose data the entry takes (FreeBSD makefs), decoded} */
    public Optional<String> contents() {
        return Optional.ofNullable(contents);
    }

    /** {@return {@code tags=}: the comma-separated tags, without empty ones} */
    public List<String> tags() {
        return tags;
    }

    /** {@return {@code cksum=}: the POSIX cksum(1) CRC} */
    public OptionalLong cksum() {
        return cksum == null ? OptionalLong.empty() : OptionalLong.of(cksum);
    }

    /**
     * {@return the digests given, by canonical keyword ({@code md5 rmd160 sha1 sha256 sha384 sha512}; {@code
     * sha256digest=} is stored as {@code sha256}), values without a {@code 0x} prefix}
     */
    public Map<String, String> digests() {
        return digests;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MtreeEntry e
                && path.equals(e.path) && type == e.type && Objects.equals(mode, e.mode)
                && Objects.equals(uid, e.uid) && Objects.equals(uname, e.uname)
                && Objects.equals(gid, e.gid) && Objects.equals(gname, e.gname)
                && Objects.equals(link, e.link) && Objects.equals(device, e.device)
                && Objects.equals(time, e.time) && Objects.equals(size, e.size)
                && Objects.equals(flags, e.flags) && Objects.equals(flagsText, e.flagsText)
                && Objects.equals(nlink, e.nlink) && optional == e.optional && ignore == e.ignore
                && nochange == e.nochange && Objects.equals(contents, e.contents)
                && tags.equals(e.tags) && Objects.equals(cksum, e.cksum) && digests.equals(e.digests);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, type, mode, uid, gid, link, device, time, size, flags);
    }

    /** The entry as one spec line, as {@link MtreeWriter#format} writes it. */
    @Override
    public String toString() {
        return MtreeWriter.format(this);
    }

    /**
     * Collects an entry's keywords; each setter checks its value and names it when bad.
     *
     * <pre>{@code
     * MtreeEntry motd = MtreeEntry.builder("./etc/motd")
     *         .type(EntryType.FILE).mode(0644).uname("root").gname("wheel")
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final String path;
        private int line;
        private EntryType type;
        private Integer mode;
        private Long uid;
        private String uname;
        private Long gid;
        private String gname;
        private String link;
        private DeviceNumber device;
        private Instant time;
        private Long size;
        private Integer flags;
        private String flagsText;
        private Long nlink;
        private boolean optional;
        private boolean ignore;
        private boolean nochange;
        private String contents;
        private List<String> tags = List.of();
        private Long cksum;
        private Map<String, String> digests = new TreeMap<>();

        private Builder(String path) {
            this.path = checkPath(path);
        }

        private static String checkPath(String path) {
            Objects.requireNonNull(path, "path");
            if (path.equals(".")) {
                return path;
            }
            if (!path.startsWith("./")) {
                throw new IllegalArgumentException("path must be . or start with ./: " + path);
            }
            for (String part : path.substring(2).split("/", -1)) {
                if (part.isEmpty() || part.equals(".") || part.equals("..") || part.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("bad element `" + part + "' in path " + path);
                }
            }
            return path;
        }

        private static long checkId(String what, long id) {
            if (id < 0 || id > UserDatabase.ID_MAX) {
                throw new IllegalArgumentException(what + " out of range 0.." + UserDatabase.ID_MAX + ": " + id);
            }
            return id;
        }

        /**
         * The spec line (1-based) the entry came from.
         *
         * @param line the 1-based line the entry came from
         * @return this builder
         */
        public Builder line(int line) {
            if (line < 0) {
                throw new IllegalArgumentException("negative line: " + line);
            }
            this.line = line;
            return this;
        }

        /**
         * Sets {@code type=}.
         *
         * @param type the kind of file
         * @return this builder
         */
        public Builder type(EntryType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets {@code mode=}, 0 to {@code 07777}.
         *
         * @param mode permission bits, at most {@code 07777}
         * @return this builder
         */
        public Builder mode(int mode) {
            if ((mode & ~07777) != 0) {
                throw new IllegalArgumentException(String.format("mode out of range 0..07777: 0%o", mode));
            }
            this.mode = mode;
            return this;
        }

        /**
         * Sets {@code uid=}.
         *
         * @param uid the owner's number
         * @return this builder
         */
        public Builder uid(long uid) {
            this.uid = checkId("uid", uid);
            return this;
        }

        /**
         * Sets {@code uname=}; the uid is not changed.
         *
         * @param uname the owner's name
         * @return this builder
         */
        public Builder uname(String uname) {
            this.uname = requireToken("uname", uname);
            return this;
        }

        /**
         * Sets {@code gid=}.
         *
         * @param gid the group's number
         * @return this builder
         */
        public Builder gid(long gid) {
            this.gid = checkId("gid", gid);
            return this;
        }

        /**
         * Sets {@code gname=}; the gid is not changed.
         *
         * @param gname the group's name
         * @return this builder
         */
        public Builder gname(String gname) {
            this.gname = requireToken("gname", gname);
            return this;
        }

        /**
         * Sets {@code link=}, the symbolic link target (any text, written vis-encoded).
         *
         * @param link the symbolic link's target
         * @return this builder
         */
        public Builder link(String link) {
            Objects.requireNonNull(link, "link");
            if (link.isEmpty() || link.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("link target empty or holding NUL: " + link);
            }
            this.link = link;
            return this;
        }

        /**
         * Sets {@code device=}.
         *
         * @param device the device number
         * @return this builder
         */
        public Builder device(DeviceNumber device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Sets {@code time=}.
         *
         * @param time the modification time
         * @return this builder
         */
        public Builder time(Instant time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Sets {@code size=}.
         *
         * @param size the size in bytes
         * @return this builder
         */
        public Builder size(long size) {
            if (size < 0) {
                throw new IllegalArgumentException("negative size: " + size);
            }
            this.size = size;
            return this;
        }

        /**
         * Sets {@code flags=} from {@code UF_}/{@code SF_} bits; the text becomes mtree's names.
         *
         * @param flags {@code UF_}/{@code SF_} bits
         * @return this builder
         */
        public Builder flags(int flags) {
            this.flagsText = FileFlags.format(flags);
            this.flags = flags;
            return this;
        }

        /**
         * Sets {@code flags=} from bits and the text they were read from.
         *
         * @param flags {@code UF_}/{@code SF_} bits
         * @param text the flags as written in the spec
         * @return this builder
         */
        public Builder flags(int flags, String text) {
            this.flags = flags;
            this.flagsText = requireToken("flags", text);
            return this;
        }

        /**
         * Sets {@code nlink=}.
         *
         * @param nlink the link count
         * @return this builder
         */
        public Builder nlink(long nlink) {
            if (nlink < 0) {
                throw new IllegalArgumentException("negative nlink: " + nlink);
            }
            this.nlink = nlink;
            return this;
        }

        /**
         * Sets or clears {@code optional}.
         *
         * @param optional whether the entry is optional
         * @return this builder
         */
        public Builder optional(boolean optional) {
            this.optional = optional;
            return this;
        }

        /**
         * Sets or clears {@code ignore}.
         *
         * @param ignore whether mtree ignores what is below
         * @return this builder
         */
        public Builder ignore(boolean ignore) {
            this.ignore = ignore;
            return this;
        }

        /**
         * Sets or clears {@code nochange}.
         *
         * @param nochange whether mtree -u leaves the entry alone
         * @return this builder
         */
        public Builder nochange(boolean nochange) {
            this.nochange = nochange;
            return this;
        }

        /**
         * Sets {@code contents=}.
         *
         * @param contents the file whose data the entry takes
         * @return this builder
         */
        public Builder contents(String contents) {
            Objects.requireNonNull(contents, "contents");
            if (contents.isEmpty() || contents.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("contents empty or holding NUL: " + contents);
            }
            this.contents = contents;
            return this;
        }

        /**
         * Sets {@code tags=}; each tag must be non-empty and free of commas and whitespace.
         *
         * @param tags the tags
         * @return this builder
         */
        public Builder tags(List<String> tags) {
            for (String t : tags) {
                if (t.isEmpty() || t.contains(",")) {
                    throw new IllegalArgumentException("bad tag: `" + t + "'");
                }
                requireToken("tag", t);
            }
            this.tags = List.copyOf(tags);
            return this;
        }

        /**
         * Sets {@code cksum=}.
         *
         * @param cksum the POSIX cksum(1) CRC
         * @return this builder
         */
        public Builder cksum(long cksum) {
            if (cksum < 0 || cksum > 0xffffffffL) {
                throw new IllegalArgumentException("cksum out of range: " + cksum);
            }
            this.cksum = cksum;
            return this;
        }

        /**
         * Sets a digest.
         *
         * @param algorithm one of {@link MtreeEntry#DIGESTS}
         * @param value the digest text, without {@code 0x}
         * @return this builder
         */
        public Builder digest(String algorithm, String value) {
            if (!DIGESTS.contains(algorithm)) {
                throw new IllegalArgumentException("unknown digest " + algorithm + ", expected one of " + DIGESTS);
            }
            digests.put(algorithm, requireToken(algorithm, value));
            return this;
        }

        private static String requireToken(String what, String v) {
            Objects.requireNonNull(v, what);
            if (v.isEmpty()) {
                throw new IllegalArgumentException(what + " is empty");
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c <= ' ' || c == '#' || c == '\\' || c == 0177) {
                    throw new IllegalArgumentException(what + " holds a space, control char, # or \\: `" + v + "'");
                }
            }
            return v;
        }

        /** {@return the entry} */
        public MtreeEntry build() {
            return new MtreeEntry(this);
        }
    }
}
