package io.github.slipway.makedev.internal;

import io.github.slipway.makedev.Arch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The effective device majors of one arch, as {@code etc/MAKEDEV.awk} sees them: the MI
 * {@code sys/conf/majors} overlaid by the MD {@code majors.ARCH} (resource {@code majors.txt}).
 */
public final class Majors {
    private static final Map<Arch, Majors> TABLES = load();

    private final Arch arch;
    private final Map<String, Integer> chr;
    private final Map<String, Integer> blk;

    private Majors(Arch arch, Map<String, Integer> chr, Map<String, Integer> blk) {
        this.arch = arch;
        this.chr = Collections.unmodifiableMap(chr);
        this.blk = Collections.unmodifiableMap(blk);
    }

    /** The table of {@code arch}. */
    public static Majors of(Arch arch) {
        return TABLES.get(arch);
    }

    /** The arch this table belongs to. */
    public Arch arch() {
        return arch;
    }

    /** The character major of driver {@code name} ({@code %name_chr%}), if the arch has one. */
    public OptionalInt chr(String name) {
        Integer m = chr.get(name);
        return m == null ? OptionalInt.empty() : OptionalInt.of(m);
    }

    /** The block major of driver {@code name} ({@code %name_blk%}), if the arch has one. */
    public OptionalInt blk(String name) {
        Integer m = blk.get(name);
        return m == null ? OptionalInt.empty() : OptionalInt.of(m);
    }

    /** Driver name to character major. */
    public Map<String, Integer> charMajors() {
        return chr;
    }

    /** Driver name to block major. */
    public Map<String, Integer> blockMajors() {
        return blk;
    }

    /**
     * Whether a template placeholder such as {@code "wd_blk"} or {@code "com_chr"} has a value on
     * this arch; an entry that names one without a value is dropped, as MAKEDEV.awk does.
     */
    public boolean has(String placeholder) {
        int us = placeholder.lastIndexOf('_');
        String name = placeholder.substring(0, us);
        return switch (placeholder.substring(us + 1)) {
            case "chr" -> chr.containsKey(name);
            case "blk" -> blk.containsKey(name);
            default -> throw new IllegalArgumentException("bad placeholder " + placeholder);
        };
    }

    private static Map<Arch, Majors> load() {
        Map<Arch, Map<String, Integer>> chr = new EnumMap<>(Arch.class);
        Map<Arch, Map<String, Integer>> blk = new EnumMap<>(Arch.class);
        try (InputStream in = Majors.class.getResourceAsStream("majors.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource majors.txt missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Arch section = null;
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.startsWith("## ")) {
                    section = Arch.parse(line.substring(3, line.indexOf(':')));
                    chr.put(section, new HashMap<>());
                    blk.put(section, new HashMap<>());
                    continue;
                }
                if (line.isBlank() || line.startsWith("#") || line.startsWith("name ")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                if (section == null || f.length != 4) {
                    throw new IllegalStateException("majors.txt:" + n + ": bad line '" + line + "'");
                }
                if (!f[1].equals("-")) {
                    chr.get(section).put(f[0], Integer.parseInt(f[1]));
                }
                if (!f[2].equals("-")) {
                    blk.get(section).put(f[0], Integer.parseInt(f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Arch, Majors> out = new EnumMap<>(Arch.class);
        for (Arch a : Arch.values()) {
            if (!chr.containsKey(a)) {
                throw new IllegalStateException("majors.txt: no section for " + a);
            }
            out.put(a, new Majors(a, chr.get(a), blk.get(a)));
        }
        return out;
    }
}
