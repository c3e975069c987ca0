package io.github.slipway.ffs.bench;

import io.github.slipway.ffs.MtreeSpec;
import io.github.slipway.ffs.MtreeWriter;
import java.io.IOException;
import java.io.StringReader;

/**
 * Parses and writes a generated spec of many entries and prints the time taken. Run by hand:
 * {@code java -cp ... io.github.slipway.ffs.bench.MtreeSpecBenchmark [ENTRIES]}; not a test.
 */
public final class MtreeSpecBenchmark {
    private MtreeSpecBenchmark() {}

    /** Entry point; the optional argument is the number of entries (default 200000). */
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        StringBuilder b = new StringBuilder(". type=dir mode=0755 uid=0 gid=0\n/set type=file uid=0 gid=0 mode=0644\n");
        for (int d = 0; d < n / 100; d++) {
            b.append("./d").append(d).append(" type=dir mode=0755\n");
            for (int f = 0; f < 99; f++) {
                b.append("./d").append(d).append("/file\\040").append(f)
                        .append(" size=").append(f * 1000).append(" time=1700000000.5\n");
            }
        }
        String text = b.toString();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            MtreeSpec spec = MtreeSpec.parse(new StringReader(text), "bench.spec");
            long t1 = System.nanoTime();
            String out = MtreeWriter.toString(spec.merged());
            long t2 = System.nanoTime();
            System.out.printf("%d entries (%d chars): parse %d ms, write %d ms (%d chars)%n",
                    spec.entries().size(), text.length(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    out.length());
        }
    }
}
