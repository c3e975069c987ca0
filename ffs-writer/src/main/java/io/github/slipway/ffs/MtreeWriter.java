package io.github.slipway.ffs;

import io.github.slipway.ffs.internal.mtree.Vis;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;

/**
 * Writes entries as mtree(5) spec lines that NetBSD mtree and makefs {@code -F} read back: one
 * full-path line per entry, the path vis(3)-encoded (octal escapes), keywords in the order
 * {@code type mode uname uid gname gid size link device time flags nlink cksum DIGESTS
 * contents tags optional ignore nochange} (a name before its number, so that the number, which
 * the entry holds, wins when the spec is read back), devices as {@code netbsd,MAJ,MIN}, modes in octal with a
 * leading 0, times as mtree -c writes them ({@code SECONDS.NANOSECONDS}, nanoseconds unpadded).
 *
 * <pre>{@code
 * try (Writer w = Files.newBufferedWriter(Path.of("image.spec"))) {
 *     MtreeWriter.write(spec.merged(), w);
 * }
 * MtreeWriter.format(entry);   // "./bin/sh type=file mode=0555 uid=0 gid=0 size=150000"
 * }</pre>
 *
 * <p>Entries are written in the order given; makefs needs each directory before its children.
 */
public final class MtreeWriter {
    private MtreeWriter() {}

    /**
     * {@return one spec line for {@code e}, without the newline}
     *
     * @param e the entry
     */
    public static String format(MtreeEntry e) {
        StringBuilder b = new StringBuilder(Vis.vis(e.path()));
        e.type().ifPresent(t -> b.append(" type=").append(t.mtreeName()));
        e.mode().ifPresent(m -> b.append(" mode=").append(m == 0 ? "0" : "0" + Integer.toOctalString(m)));
        // names first: the later keyword wins in spec.c, and the number is what the entry holds
        e.uname().ifPresent(u -> b.append(" uname=").append(u));
        e.uid().ifPresent(u -> b.append(" uid=").append(u));
        e.gname().ifPresent(g -> b.append(" gname=").append(g));
        e.gid().ifPresent(g -> b.append(" gid=").append(g));
        e.size().ifPresent(s -> b.append(" size=").append(s));
        e.link().ifPresent(l -> b.append(" link=").append(Vis.vis(l)));
        e.device().ifPresent(d -> b.append(" device=netbsd,").append(d.major()).append(',').append(d.minor()));
        e.time().ifPresent(t -> b.append(" time=").append(formatTime(t)));
        e.flagsText().ifPresent(f -> b.append(" flags=").append(f));
        e.nlink().ifPresent(n -> b.append(" nlink=").append(n));
        e.cksum().ifPresent(c -> b.append(" cksum=").append(c));
        for (Map.Entry<String, String> d : e.digests().entrySet()) {
            b.append(' ').append(d.getKey()).append('=').append(d.getValue());
        }
        e.contents().ifPresent(c -> b.append(" contents=").append(Vis.vis(c)));
        if (!e.tags().isEmpty()) {
            b.append(" tags=").append(String.join(",", e.tags()));
        }
        if (e.optional()) {
            b.append(" optional");
        }
        if (e.ignore()) {
            b.append(" ignore");
        }
        if (e.nochange()) {
            b.append(" nochange");
        }
        return b.toString();
    }

    private static String formatTime(Instant t) {
        return t.getEpochSecond() + "." + t.getNano();
    }

    /**
     * Writes one line per entry, in order, each ended by {@code \n}.
     *
     * @param entries the entries, in the order they should appear
     * @param out where the lines go (not closed)
     * @throws IOException if writing fails
     */
    public static void write(Iterable<MtreeEntry> entries, Writer out) throws IOException {
        for (MtreeEntry e : entries) {
            out.write(format(e));
            out.write('\n');
        }
    }

    /**
     * {@return the lines for {@code entries}, each ended by {@code \n}}
     *
     * @param entries the entries, in order
     */
    public static String toString(Iterable<MtreeEntry> entries) {
        StringBuilder b = new StringBuilder();
        for (MtreeEntry e : entries) {
            b.append(format(e)).append('\n');
        }
        return b.toString();
    }
}
