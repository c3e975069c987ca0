package io.github.slipway.makedev.bench;

import io.github.slipway.makedev.Arch;
import io.github.slipway.makedev.Expansion;
import io.github.slipway.makedev.Makedev;

/**
 * How long {@code all} takes for both arches: first in a fresh JVM (class loading, the major
 * tables and the arm tables included), then warmed up. Not a test: run it by hand, e.g.
 * {@code java -cp makedev/target/classes:makedev/target/test-classes
 * io.github.slipway.makedev.bench.MakedevBenchmark}.
 */
public final class MakedevBenchmark {
    private MakedevBenchmark() {
    }

    /** Prints the cold and warm times. */
    public static void main(String[] args) {
        long c0 = processCpuNanos();
        long m0 = threadCpuNanos();
        long t0 = System.nanoTime();
        int nodes = 0;
        for (Arch a : Arch.values()) {
            Expansion e = Makedev.forArch(a).expand("all");
            nodes += e.nodes().size();
            nodes += e.makedevSpec().isEmpty() ? 1 : 0;
        }
        long cold = System.nanoTime() - t0;
        long coldCpu = processCpuNanos() - c0;
        long coldMain = threadCpuNanos() - m0;
        System.out.printf("cold: all for i386+amd64 (%d entries) in %.1f ms wall, %.1f ms CPU of the main thread, %.0f ms process CPU,"
                + " first use after JVM start (load average %s on %d CPUs)%n", nodes, cold / 1e6, coldMain / 1e6, coldCpu / 1e6,
                loadAverage(), Runtime.getRuntime().availableProcessors());

        int rounds = 200;
        long t1 = System.nanoTime();
        for (int k = 0; k < rounds; k++) {
            for (Arch a : Arch.values()) {
                nodes += Makedev.forArch(a).expand("all").makedevSpec().length();
            }
        }
        long warm = (System.nanoTime() - t1) / rounds;
        System.out.printf("warm: all for i386+amd64 in %.2f ms a round (%d rounds, checksum %d)%n",
                warm / 1e6, rounds, nodes);
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** The calling thread's time on a CPU in ns (Linux schedstat), -1 elsewhere. */
    private static long threadCpuNanos() {
        try {
            return Long.parseLong(java.nio.file.Files.readString(
                    java.nio.file.Path.of("/proc/thread-self/schedstat")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }
}
