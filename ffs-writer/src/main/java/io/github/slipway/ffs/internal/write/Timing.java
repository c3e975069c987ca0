package io.github.slipway.ffs.internal.write;

/**
 * A phase-by-phase wall-time breakdown on stderr, on only with {@code -Dslipway.timing}: each
 * {@link #mark} prints the time since the previous mark and since the JVM started. Off, a mark
 * costs one field read.
 */
public final class Timing {
    /** Whether {@code -Dslipway.timing} is set. */
    public static final boolean ON = System.getProperty("slipway.timing") != null;

    private static long last = ON ? processStartNanos() : 0;
    private static final long START = last;

    private Timing() {
    }

    /** Ends the phase called {@code phase}. */
    public static synchronized void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        System.err.printf("slipway.timing: %-28s %6.1f ms  (at %6.1f ms)%n", phase,
                (now - last) / 1e6, (now - START) / 1e6);
        last = now;
    }

    /**
     * The JVM's start as a {@link System#nanoTime} value: Linux's process start and uptime, both
     * counted from boot in 10 ms ticks ({@code proc(5)}); elsewhere, the first mark.
     */
    private static long processStartNanos() {
        long nowNanos = System.nanoTime();
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            // fields after the ")" closing the command name; starttime is field 22
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(f[22 - 3]);
            String up = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"));
            double uptime = Double.parseDouble(up.substring(0, up.indexOf(' ')));
            return nowNanos - (long) ((uptime - startTicks / 100.0) * 1e9);
        } catch (java.io.IOException | RuntimeException e) {
            return nowNanos;
        }
    }
}
