package io.github.slipway.sailor.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle: glibc's {@code ldd} on every ELF program of this machine's {@code /usr/bin} and
 * {@code /usr/sbin} must find the same files (by real path) as the Linux rules of the resolver.
 */
class LddOracleTest {
    private static final List<Path> DIRS = List.of(Path.of("/usr/bin"), Path.of("/usr/sbin"));
    private static final int BATCH = 150;

    /** ELF programs of /usr/bin and /usr/sbin, one per real file, sorted. */
    static List<Path> programs() throws IOException {
        Map<Path, Path> byReal = new LinkedHashMap<>();
        for (Path dir : DIRS) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    if (Files.isRegularFile(p) && Files.isReadable(p) && ElfFile.hasElfMagic(p)) {
                        byReal.putIfAbsent(p.toRealPath(), p);
                    }
                }
            }
        }
        return new ArrayList<>(byReal.values());
    }

    /** Runs ldd on files in batches; per file the real paths of what it loads, or "!name" for "not found". */
    static Map<Path, TreeSet<String>> ldd(List<Path> files, Path tmp) throws Exception {
        Map<Path, TreeSet<String>> out = new LinkedHashMap<>();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            List<String> cmd = new ArrayList<>();
            cmd.add("ldd");
            batch.forEach(p -> cmd.add(p.toString()));
            Path log = tmp.resolve("ldd.out");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("ldd timed out on " + batch);
            }
            Map<String, Path> names = new LinkedHashMap<>();
            batch.forEach(f -> names.put(f + ":", f));
            TreeSet<String> cur = null;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (names.containsKey(line)) {
                    cur = new TreeSet<>();
                    out.put(names.get(line), cur);
                    continue;
                }
                if (cur == null || !line.startsWith("\t")) {
                    continue;
                }
                String l = line.trim();
                int arrow = l.indexOf(" => ");
                if (arrow >= 0) {
                    String rest = l.substring(arrow + 4);
                    if (rest.startsWith("not found")) {
                        cur.add("!" + l.substring(0, arrow));
                    } else {
                        cur.add(Path.of(rest.substring(0, rest.lastIndexOf(" ("))).toRealPath().toString());
                    }
                } else if (l.startsWith("/") && l.contains(" (0x")) {
                    cur.add(Path.of(l.substring(0, l.indexOf(" (0x"))).toRealPath().toString());
                }
            }
            assertThat(out).as("ldd printed a section for every file of the batch").containsKeys(batch.toArray(Path[]::new));
        }
        return out;
    }

    @Test
    void linuxClosureOfEveryProgramMatchesLdd(@TempDir Path tmp) throws Exception {
        List<Path> programs = programs();
        assertThat(programs).as("ELF programs in /usr/bin and /usr/sbin").hasSizeGreaterThan(50);
        Map<Path, TreeSet<String>> oracle = ldd(programs, tmp);
        assertThat(oracle.values().stream().mapToInt(TreeSet::size).sum())
                .as("ldd found libraries at all").isGreaterThan(programs.size());

        LibraryResolver r = LibraryResolver.builder().os(OsRules.LINUX).reportMissing(true).build();
        Closure c = r.resolve(programs.stream().map(Path::toString).toList());
        assertThat(c.programs()).hasSize(programs.size());

        int agree = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            Closure.Program prog = c.programs().get(i);
            TreeSet<String> mine = new TreeSet<>();
            for (ShipFile f : prog.files().subList(1, prog.files().size())) {
                mine.add(f.hostPath().toRealPath().toString());
            }
            prog.missing().forEach(m -> mine.add("!" + m.name()));
            TreeSet<String> theirs = oracle.get(programs.get(i));
            if (mine.equals(theirs)) {
                agree++;
            } else {
                disagreements.add(programs.get(i) + ": ldd " + theirs + " slipway " + mine);
            }
        }
        Path report = Path.of("target", "ldd-oracle.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "ldd agreement: " + agree + " of " + programs.size() + " ELF programs\n"
                + String.join("\n", disagreements) + "\n");
        assertThat(disagreements).as("programs where ldd and slipway disagree (%d of %d agree)", agree,
                programs.size()).isEmpty();
    }

    @Test
    void sailorsLinuxDefaultBinsResolveOnThisMachine() throws IOException {
        Closure c = LibraryResolver.builder().defaultBins(true).build().resolve(List.of());
        assertThat(c.programs()).extracting(p -> p.file().shipPath())
                .contains("/lib64/ld-linux-x86-64.so.2", "/bin/sh", "/bin/echo", "/bin/sleep");
        assertThat(c.programs()).allSatisfy(p -> assertThat(p.os()).isEqualTo(OsRules.LINUX));
        assertThat(c.files()).extracting(ShipFile::sysrootPath).contains("/usr/lib/x86_64-linux-gnu/libc.so.6");
        ShipFile sh = c.programs().stream().filter(p -> p.file().shipPath().equals("/bin/sh")).findFirst()
                .orElseThrow().file();
        assertThat(sh.symlinks()).first().isEqualTo(new Symlink("/bin", "usr/bin"));
    }

    /** Real programs built here against this machine's glibc (64 and 32 bit), with RPATH, RUNPATH and $ORIGIN. */
    @Test
    void programsBuiltHereWithRunPathsMatchLdd(@TempDir Path tmp) throws Exception {
        Path rlib = Files.createDirectories(tmp.resolve("bin/rlib"));
        Path rlib2 = Files.createDirectories(tmp.resolve("rlib2"));
        Files.writeString(tmp.resolve("m.c"), "#include <math.h>\nint mine(int x) { return (int) sin(x); }\n");
        Files.writeString(tmp.resolve("main.c"), "int main(void) { return 0; }\n");
        List<Path> progs = new ArrayList<>();
        for (String bits : List.of("-m64", "-m32")) {
            String b = bits.substring(2);
            Path l2 = Files.createDirectories(rlib2.resolve(b)).resolve("libmine2.so.1");
            Path l1 = Files.createDirectories(rlib.resolve(b)).resolve("libmine.so.1");
            Gcc.run(tmp, bits, "-shared", "-fPIC", "-Wl,--no-as-needed", "-Wl,-soname,libmine2.so.1", "-o",
                    l2.toString(), "m.c", "-lm");
            Gcc.run(tmp, bits, "-shared", "-fPIC", "-Wl,--no-as-needed", "-Wl,-soname,libmine.so.1", "-o",
                    l1.toString(), "m.c", l2.toString());
            for (String tags : List.of("--disable-new-dtags", "--enable-new-dtags")) {
                Path out = tmp.resolve("bin").resolve("p" + b + (tags.startsWith("--disable") ? "rpath" : "runpath"));
                Gcc.run(tmp, bits, "-Wl,--no-as-needed", "-Wl," + tags, "-o", out.toString(), "main.c",
                        "-Wl,-rpath,$ORIGIN/rlib/" + b + ":" + l2.getParent(), "-Wl,-rpath-link," + l2.getParent(),
                        l1.toString(), "-lm");
                progs.add(out);
            }
        }
        Map<Path, TreeSet<String>> oracle = ldd(progs, tmp);
        Closure c = LibraryResolver.builder().os(OsRules.LINUX).reportMissing(true).build()
                .resolve(progs.stream().map(Path::toString).toList());
        for (int i = 0; i < progs.size(); i++) {
            Closure.Program prog = c.programs().get(i);
            TreeSet<String> mine = new TreeSet<>();
            for (ShipFile f : prog.files().subList(1, prog.files().size())) {
                mine.add(f.hostPath().toRealPath().toString());
            }
            prog.missing().forEach(m -> mine.add("!" + m.name()));
            assertThat(mine).as(progs.get(i).toString()).isEqualTo(oracle.get(progs.get(i)));
        }
        // RPATH reaches libmine2 for libmine, RUNPATH does not (both loaders and slipway agree)
        assertThat(oracle.get(progs.get(0))).noneMatch(x -> x.startsWith("!"));
        assertThat(oracle.get(progs.get(1))).contains("!libmine2.so.1");
        assertThat(oracle.get(progs.get(2))).anyMatch(x -> x.contains("lib32") || x.contains("i386"));
    }
}
