package io.github.slipway.makedev.internal;

/**
 * The subset of sh(1) {@code case} patterns the MAKEDEV template uses: literals, {@code *},
 * {@code ?} and bracket expressions such as {@code [0-9]} or {@code [ABCD]}.
 */
final class Glob {
    private Glob() {
    }

    static boolean matches(String pattern, String s) {
        return match(pattern, 0, s, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                // the template has at most two stars a pattern: plain backtracking stays linear enough
                for (int k = s.length(); k >= si; k--) {
                    if (match(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            char x = s.charAt(si);
            if (c == '[') {
                int end = p.indexOf(']', pi + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated [ in pattern " + p);
                }
                if (!inClass(p, pi + 1, end, x)) {
                    return false;
                }
                pi = end + 1;
            } else {
                if (c != '?' && c != x) {
                    return false;
                }
                pi++;
            }
            si++;
        }
        return si == s.length();
    }

    private static boolean inClass(String p, int from, int to, char x) {
        for (int k = from; k < to; k++) {
            char lo = p.charAt(k);
            if (k + 2 < to && p.charAt(k + 1) == '-') {
                if (x >= lo && x <= p.charAt(k + 2)) {
                    return true;
                }
                k += 2;
            } else if (x == lo) {
                return true;
            }
        }
        return false;
    }
}
