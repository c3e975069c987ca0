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
 * included) on a generated 20,000-file / 200 MB tree and on a copy of /usr/include, and prints
 * the wall-time ratio and slipway's peak memory (from /usr/bin/time). Not run by surefire.
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests
 * java -cp ffs-writer/target/test-classes io.github.slipway.ffs.bench.MakefsBenchmark \
 *     examples/target/slipway.jar /tmp/bench
 * </pre>
 */
public final class MakefsBenchmark {
    private MakefsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "examples/target/slipway.jar");
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "/tmp/slipway-bench"));
        Path tree = work.resolve("tree20k");
        if (!Files.exists(tree)) {
            generate(tree, 20_000, 200L << 20, new Random(1));
        }
        Path include = work.resolve("include");
        if (!Files.exists(include)) {
            run(List.of("cp", "-a", "/usr/include", include.toString()));
        }
        for (Path t : List.of(tree, include)) {
            // warm the page cache once for both
            time(List.of("makefs", "-t", "ffs", "-o", "version=1", "-T", "0", "-b", "10%",
                    work.resolve("m.img").toString(), t.toString()));
            double[] m = new double[3];
            double[] s = new double[3];
            long peak = 0;
            for (int i = 0; i < 3; i++) {
                m[i] = time(List.of("makefs", "-t", "ffs", "-o", "version=1", "-T", "0", "-b", "10%",
                        work.resolve("m.img").toString(), t.toString()))[0];
                double[] r = time(List.of("java", "-jar", jar.toString(), "makefs", "--compat", "-T", "0", "-b", "10%",
                        work.resolve("s.img").toString(), t.toString()));
                s[i] = r[0];
                peak = Math.max(peak, (long) r[1]);
            }
            double mm = min(m);
            double ss = min(s);
            System.out.printf("%s: makefs %.3f s, slipway --compat %.3f s, ratio %.2f, slipway peak RSS %d MB%n",
                    t.getFileName(), mm, ss, ss / mm, peak / 1024);
        }
    }

    private static double min(double[] a) {
        double m = a[0];
        for (double d : a) {
            m = Math.min(m, d);
        }
        return m;
    }

    /** {wall seconds, max RSS in KB} of one run under /usr/bin/time. */
    private static double[] time(List<String> cmd) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M"));
        full.addAll(cmd);
        Process p = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes()).strip();
        if (p.waitFor() != 0) {
            throw new IOException(cmd + " failed: " + err);
        }
        String[] last = err.lines().reduce((a, b) -> b).orElseThrow().split(" ");
        return new double[] {Double.parseDouble(last[0]), Double.parseDouble(last[1])};
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        if (new ProcessBuilder(cmd).inheritIO().start().waitFor() != 0) {
            throw new IOException(cmd + " failed");
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
