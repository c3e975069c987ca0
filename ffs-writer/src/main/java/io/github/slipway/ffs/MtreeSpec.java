package io.github.slipway.ffs;

import io.github.slipway.ffs.internal.mtree.SpecParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An mtree(5) specification as NetBSD makefs {@code -F} reads it (mtree's spec.c): {@code /set}
 * and {@code /unset} (also {@code /unset all}), full-path entries ({@code ./dev/null}) and
 * relative entries with {@code ..} to go up, comments, blank lines, backslash continuations,
 * vis(3)-encoded names, and these keywords:
 *
 * <table>
 * <caption>Keywords</caption>
 * <tr><th>keyword</th><th>value</th><th>makefs -F</th></tr>
 * <tr><td>type</td><td>block char dir fifo file link socket</td><td>required</td></tr>
 * <tr><td>mode</td><td>octal (≤ 07777) or symbolic as chmod(1)</td><td>applied</td></tr>
 * <tr><td>uid, uname, gid, gname</td><td>number, or a name in the {@link UserDatabase}</td><td>applied</td></tr>
 * <tr><td>link</td><td>symlink target, vis-encoded</td><td>applied</td></tr>
 * <tr><td>device</td><td>{@code netbsd,MAJ,MIN}, {@code native,…}, other pack_dev formats, {@code bsdos,MAJ,UNIT,SUB}, or a number</td><td>applied</td></tr>
 * <tr><td>time</td><td>{@code SECONDS.NANOSECONDS}</td><td>applied</td></tr>
 * <tr><td>size</td><td>bytes</td><td>applied</td></tr>
 * <tr><td>flags</td><td>{@code uchg,schg,nodump,opaque,…} or {@code none}</td><td>applied (NetBSD)</td></tr>
 * <tr><td>optional</td><td>-</td><td>applied</td></tr>
 * <tr><td>nlink, ignore, tags, cksum, md5, rmd160, sha1, sha256, sha384, sha512 (also {@code …digest})</td><td></td><td>read, ignored</td></tr>
 * <tr><td>nochange (NetBSD mtree ≥ 2012), contents (FreeBSD makefs)</td><td></td><td>read; Debian's makefs rejects them</td></tr>
 * </table>
 *
 * <p>Anything else is an {@link MtreeFormatException} naming the line ({@code spec:LINE: what}).
 * Unlike mtree, every entry must have a {@code type} (after {@code /set}), as makefs cannot
 * apply an entry without one. Symbolic modes without a who part obey a umask of 022.
 *
 * <pre>{@code
 * MtreeSpec spec = MtreeSpec.parse(Path.of("dev.spec"));
 * for (MtreeEntry e : spec.merged()) {
 *     System.out.println(e.path() + " " + e.type().orElseThrow() + " " + e.device());
 * }
 * }</pre>
 */
public final class MtreeSpec {
    /** The umask applied to symbolic modes without a who part ({@code mode=+x}). */
    public static final int UMASK = 022;

    private final String sourceName;
    private final List<MtreeEntry> entries;
    private final List<MtreeEntry> merged;

    private MtreeSpec(String sourceName, List<MtreeEntry> entries, List<MtreeEntry> merged) {
        this.sourceName = sourceName;
        this.entries = entries;
        this.merged = merged;
    }

    /**
     * Parses a spec file (UTF-8), resolving names through {@link UserDatabase#netbsd()}.
     *
     * @param file the spec
     * @return the parsed spec
     * @throws MtreeFormatException naming the line and entry, if the spec is malformed
     * @throws IOException if the file cannot be read
     */
    public static MtreeSpec parse(Path file) throws IOException {
        return parse(file, UserDatabase.netbsd());
    }

    /**
     * Parses a spec file (UTF-8), resolving {@code uname}/{@code gname} through {@code users}.
     *
     * @param file the spec
     * @param users resolves {@code uname=} and {@code gname=}
     * @return the parsed spec
     * @throws MtreeFormatException naming the line and entry, if the spec is malformed
     * @throws IOException if the file cannot be read
     */
    public static MtreeSpec parse(Path file, UserDatabase users) throws IOException {
        Objects.requireNonNull(users, "users");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            SpecParser.Result r = SpecParser.parse(in, file.toString(), users, UMASK);
            return new MtreeSpec(file.toString(), r.entries(), r.merged());
        }
    }

    /**
     * Parses spec text, resolving names through {@link UserDatabase#netbsd()}.
     *
     * @param in the spec text
     * @param sourceName how error messages name the spec
     * @return the parsed spec
     * @throws MtreeFormatException naming the line and entry, if the spec is malformed
     * @throws IOException if reading fails
     */
    public static MtreeSpec parse(Reader in, String sourceName) throws IOException {
        return parse(in, sourceName, UserDatabase.netbsd());
    }

    /**
     * Parses spec text.
     *
     * @param in the spec text
     * @param sourceName how error messages name the spec
     * @param users resolves {@code uname=} and {@code gname=}
     * @return the parsed spec
     * @throws MtreeFormatException naming the line and entry, if the spec is malformed
     * @throws IOException if reading fails
     */
    public static MtreeSpec parse(Reader in, String sourceName, UserDatabase users) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(users, "users");
        SpecParser.Result r = SpecParser.parse(in, sourceName, users, UMASK);
        return new MtreeSpec(sourceName, r.entries(), r.merged());
    }

    /** {@return how error messages name this spec} */
    public String sourceName() {
        return sourceName;
    }

    /**
     * {@return every entry line in file order, each with the {@code /set} keywords then in force merged in. A path
     * that appears twice appears twice here}
     */
    public List<MtreeEntry> entries() {
        return entries;
    }

    /**
     * {@return the spec's tree as makefs applies it: one entry per path, pre-order (a directory, then its children in
     * the order they first appeared), a repeated path taking the keywords of its last line (spec.c's {@code
     * replacenode()}) at the place of its first. Empty when the spec holds no entries}
     */
    public List<MtreeEntry> merged() {
        return merged;
    }
}
