package io.github.slipway.ffs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times {@code slipway makefs} against Debian's {@code makefs} as whole processes (JVM start
 * included) on a generated 20,000-file / 200 MB tree, on a copy of /usr/include and on four
 * 100 MB files (where copying the data is the work, not the per-file overhead), and prints
 * the wall-time ratios measured in the same run (median of N interleaved repetitions, min too),
 * the CPU time each command used (user + system, all threads: the work a run costs, which
 * varies less from run to run than wall time on a busy or shared machine) and peak memory
 * (both from /usr/bin/time). Not run by surefire.
 *
 * <p>A last row times concatenating the tree's files into one file ({@code find | xargs cat},
 * over an existing output file, as makefs and slipway replace theirs): the floor the issue's
 * goal is set against (there, makefs took 0.96 s and this 0.53 s).
 *
 * <p>Each round runs, in turn: makefs; {@code java -jar slipway.jar makefs --compat} (the same
 * bytes as makefs); the launcher {@code examples/bin/slipway makefs --compat} (AppCDS archive,
 * C1 only); and the launcher in default mode (exact size, sorted names); round i starts with the
 * i-th of them, so that no command always goes first. makefs and --compat use {@code -b 10%},
 * as makefs fails on some trees without free space.
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests
 * java -cp ffs-writer/target/test-classes io.github.slipway.ffs.bench.MakefsBenchmark \
 *     examples/target/slipway.jar /tmp/bench [rounds] [examples/bin/slipway] [baseline launcher]
 * </pre>
 *
 * <p>A baseline launcher adds its {@code --compat} and default runs to the same interleaved
 * rounds, for before/after figures: the {@code examples/bin/slipway} of an older build in its
 * own git worktree ({@code git worktree add ../base REV}, then {@code mvn -q -DskipTests package}
 * there). Not a copy of an older jar run through {@code SLIPWAY_JAR}: the class data sharing
 * archive records the jar's path, so a copied jar loads its classes from the jar and starts
 * ~20 ms slower, which counts against the baseline.
 *
 * <p>Add {@code JAVA_OPTS=-Dslipway.timing} to the launcher's environment by hand to see where a
 * single run spends its time.
 */
public final class MakefsBenchmark {
    private MakefsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "examples/target/slipway.jar");
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "/tmp/slipway-bench"));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path launcher = Path.of(args.length > 3 ? args[3] : "examples/bin/slipway");
        java.util.Optional<Path> baseline = args.length > 4 ? java.util.Optional.of(Path.of(args[4]))
                : java.util.Optional.empty();
        Path tree = work.resolve("tree20k");
        if (!Files.exists(tree)) {
            generate(tree, 20_000, 200L << 20, new Random(1));
        }
        Path include = work.resolve("include");
        if (!Files.exists(include)) {
            run(List.of("cp", "-a", "/usr/include", include.toString()));
        }
        Path large = work.resolve("large4x100m");
        if (!Files.exists(large)) {
            generateLarge(large, 4, 100L << 20, new Random(2));
        }
        String mImg = work.resolve("m.img").toString();
        String sImg = work.resolve("s.img").toString();
        for (Path t : List.of(tree, include, large)) {
            List<List<String>> cmds = new ArrayList<>(List.of(
                    List.of("makefs", "-t", "ffs", "-o", "version=1", "-T", "0", "-b", "10%", mImg, t.toString()),
                    List.of("java", "-jar", jar.toString(), "makefs", "--compat", "-T", "0", "-b", "10%",
                            sImg, t.toString()),
                    List.of(launcher.toString(), "makefs", "--compat", "-T", "0", "-b", "10%", sImg, t.toString()),
                    List.of(launcher.toString(), "makefs", "-T", "0", sImg, t.toString())));
            List<String> names = new ArrayList<>(List.of("makefs -b 10%", "java -jar slipway.jar --compat",
                    "bin/slipway --compat", "bin/slipway default (exact size)"));
            cmds.add(List.of("sh", "-c", "find \"$1\" -type f -print0 | xargs -0 cat > \"$2\"", "sh",
                    t.toString(), work.resolve("cat.out").toString()));
            names.add("cat of all files (floor)");
            if (baseline.isPresent()) {
                // an older build, interleaved with this one in the same rounds: before/after
                String b = baseline.get().toString();
                cmds.add(List.of(b, "makefs", "--compat", "-T", "0", "-b", "10%", sImg, t.toString()));
                cmds.add(List.of(b, "makefs", "-T", "0", sImg, t.toString()));
                names.add("baseline --compat");
                names.add("baseline default (exact size)");
            }
            // warm the page cache and the archive once for each
            for (List<String> c : cmds) {
                time(c);
            }
            double[][] wall = new double[cmds.size()][rounds];
            double[][] cpu = new double[cmds.size()][rounds];
            long[] peak = new long[cmds.size()];
            for (int i = 0; i < rounds; i++) {
                // each round starts with the next command: on this machine the first command of
                // a round ran slower (2-10%), which always starting with makefs would have
                // counted against makefs
                for (int k = 0; k < cmds.size(); k++) {
                    int c = (i + k) % cmds.size();
                    double[] r = time(cmds.get(c));
                    wall[c][i] = r[0];
                    peak[c] = Math.max(peak[c], (long) r[1]);
                    cpu[c][i] = r[2];
                }
            }
            double base = median(wall[0]);
            double baseCpu = median(cpu[0]);
            System.out.printf("%s (median of %d, min in brackets; CPU = user + system, all threads):%n",
                    t.getFileName(), rounds);
            for (int c = 0; c < cmds.size(); c++) {
                System.out.printf("  %-34s %.3f s (%.3f)  ratio %.2f (%.2f)  CPU %.2f s, ratio %.2f  peak RSS %d MB%n",
                        names.get(c), median(wall[c]), min(wall[c]), median(wall[c]) / base,
                        min(wall[c]) / min(wall[0]), median(cpu[c]), median(cpu[c]) / baseCpu, peak[c] / 1024);
            }
        }
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] a) {
        double m = a[0];
        for (double d : a) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double[] time(List<String> cmd) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M %U %S"));
        full.addAll(cmd);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes()).strip();
        int status = p.waitFor();
        // nanoTime, not time's %e, which has 10 ms steps
        double wall = (System.nanoTime() - t0) / 1e9;
        if (status != 0) {
            throw new IOException(cmd + " failed: " + err);
        }
        String[] last = err.lines().reduce((a, b) -> b).orElseThrow().split(" ");
        // %U and %S: the command's and its waited-for children's CPU seconds (10 ms steps)
        return new double[] {wall, Double.parseDouble(last[1]), Double.parseDouble(last[2]) + Double.parseDouble(last[3])};
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        if (new ProcessBuilder(cmd).inheritIO().start().waitFor() != 0) {
            throw new IOException(cmd + " failed");
        }
    }

    private static void generateLarge(Path root, int files, long size, Random r) throws IOException {
        Files.createDirectories(root);
        byte[] buf = new byte[1 << 20];
        for (int i = 0; i < files; i++) {
            try (OutputStream out = Files.newOutputStream(root.resolve("f" + i))) {
                for (long left = size; left > 0; left -= buf.length) {
                    r.nextBytes(buf);
                    out.write(buf, 0, (int) Math.min(left, buf.length));
                }
            }
        }
    }

    private static void generate(Path root, int files, long bytes, Random r) throws IOException {
        byte[] buf = new byte[64 * 1024];
        r.nextBytes(buf);
        long per = bytes / files;
        for (int i = 0; i < files; i++) {
            Path d = root.resolve("d" + (i / 100));
            Files.createDirectories(d);
            long size = (long) (r.nextDouble() * 2 * per);
            try (OutputStream out = Files.newOutputStream(d.resolve("f" + i))) {
                for (long left = size; left > 0; left -= buf.length) {
                    out.write(buf, 0, (int) Math.min(left, buf.length));
                }
            }
        }
    }
}
