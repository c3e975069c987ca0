package io.github.slipway.ffs.internal.write;

/**
 * The additive feedback generator behind libc {@code random()} ({@code TYPE_3}: x^31 + x^3 + 1),
 * as glibc and NetBSD libc implement it. makefs never seeds it for UFS1, so its {@code di_gen}
 * values come from the default seed 1, whose first output is 1804289383.
 */
final class LibcRandom {
    private static final int DEG = 31;
    private static final int SEP = 3;

    private final int[] state = new int[DEG];
    private int front = SEP;
    private int rear;

    /** A generator in the state {@code srandom(seed)} leaves. */
    LibcRandom(int seed) {
        state[0] = seed == 0 ? 1 : seed;
        for (int i = 1; i < DEG; i++) {
            // Schrage's method, exactly as libc computes 16807 * r mod (2^31 - 1)
            long word = state[i - 1];
            long hi = word / 127773;
            long lo = word % 127773;
            word = 16807 * lo - 2836 * hi;
            if (word < 0) {
                word += 2147483647;
            }
            state[i] = (int) word;
        }
        for (int i = 0; i < 10 * DEG; i++) {
            next();
        }
    }

    /** The generator of a program that never called {@code srandom}. */
    static LibcRandom unseeded() {
        return new LibcRandom(1);
    }

    /** The next value of {@code random()}, 0 to 2^31-1. */
    int next() {
        state[front] += state[rear];
        int result = state[front] >>> 1;
        front = (front + 1) % DEG;
        rear = (rear + 1) % DEG;
        return result;
    }
}
