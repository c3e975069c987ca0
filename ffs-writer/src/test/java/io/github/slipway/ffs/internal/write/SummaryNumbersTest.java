package io.github.slipway.ffs.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The summary lines' sizes are formatted without Formatter, to the same digits. */
class SummaryNumbersTest {
    private static void same(double v) {
        assertThat(FfsImageBuilder.fixed(v, 1)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        assertThat(FfsImageBuilder.fixed(v, 2)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
    }

    @Test
    void fixedIsFormattersDecimalForTheSummarysFloats() {
        Random r = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            // sizes in MB as the summary computes them: fragments * fsize / 2^20, as a float
            long frags = r.nextInt(1 << (1 + r.nextInt(30)));
            int fsize = 512 << r.nextInt(8);
            same((float) (frags * fsize / (1024.0 * 1024.0)));
            same((float) (r.nextInt(100_000) / 1000.0));
        }
        for (double v : new double[] {0, 0.05, 0.15, 0.25, 0.125, 0.375, 2.675, 1.005, 9.995, 99.95, 1e7 + 0.05}) {
            same(v);
            same((float) v);
        }
    }
}
