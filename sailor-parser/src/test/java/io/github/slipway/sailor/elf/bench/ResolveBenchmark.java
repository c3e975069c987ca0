package io.github.slipway.sailor.elf.bench;

import io.github.slipway.sailor.elf.Closure;
import io.github.slipway.sailor.elf.ElfFile;
import io.github.slipway.sailor.elf.LibraryResolver;
import io.github.slipway.sailor.elf.OsRules;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Resolving every ELF program of /usr/bin and /usr/sbin in one call versus running {@code ldd}
 * on each of them. Not a test (it measures time): run it with
 * {@code mvn -q -pl sailor-parser test-compile} and then
 * {@code java -cp sailor-parser/target/classes:sailor-parser/target/test-classes
 * io.github.slipway.sailor.elf.bench.ResolveBenchmark}.
 *
 * <p>Three figures: the in-process call on a cold JVM, the same call in a fresh JVM (what one
 * {@code slipway deps} run costs, start-up included) and {@code ldd} once per program.
 */
public final class ResolveBenchmark {
    private ResolveBenchmark() {
    }

    static List<String> programs() throws IOException {
        List<String> out = new ArrayList<>();
        for (String d : List.of("/usr/bin", "/usr/sbin")) {
            try (Stream<Path> s = Files.list(Path.of(d))) {
                for (Path p : s.sorted().toList()) {
                    if (Files.isRegularFile(p) && Files.isReadable(p) && ElfFile.hasElfMagic(p)) {
                        out.add(p.toString());
                    }
                }
            }
        }
        return out;
    }

    static int resolve(List<String> programs) throws IOException {
        Closure c = LibraryResolver.builder().os(OsRules.LINUX).reportMissing(true).build().resolve(programs);
        return c.files().size();
    }

    /** Runs the benchmark; with {@code --child} only resolves (the fresh-JVM measurement). */
    public static void main(String[] args) throws Exception {
        List<String> programs = programs();
        if (args.length > 0 && args[0].equals("--child")) {
            System.out.println(resolve(programs));
            return;
        }
        long t0 = System.nanoTime();
        int files = resolve(programs);
        long inProcess = System.nanoTime() - t0;

        List<String> child = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ResolveBenchmark.class.getName(), "--child");
        long t1 = System.nanoTime();
        Process p = new ProcessBuilder(child).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("child JVM failed");
        }
        long freshJvm = System.nanoTime() - t1;

        long t2 = System.nanoTime();
        for (String prog : programs) {
            Process l = new ProcessBuilder("ldd", prog).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!l.waitFor(60, TimeUnit.SECONDS)) {
                l.destroyForcibly();
                throw new IOException("ldd timed out on " + prog);
            }
        }
        long ldd = System.nanoTime() - t2;

        System.out.printf("programs: %d ELF files in /usr/bin and /usr/sbin, closure: %d files%n", programs.size(), files);
        System.out.printf("slipway, one call, cold JVM in-process: %8.1f ms%n", inProcess / 1e6);
        System.out.printf("slipway, one call in a fresh JVM:       %8.1f ms%n", freshJvm / 1e6);
        System.out.printf("ldd, once per program:                  %8.1f ms%n", ldd / 1e6);
        System.out.printf("ratio in-process / ldd: %.3f   fresh JVM / ldd: %.3f%n", (double) inProcess / ldd,
                (double) freshJvm / ldd);
        if (File.separatorChar != '/') {
            System.out.println("(not a Unix host: ldd figures meaningless)");
        }
    }
}
