package io.github.slipway.ffs.internal.mtree;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code getmode(setmode(value), 0)} from NetBSD libc's setmode.c, as mtree's {@code mode=}
 * keyword uses it: an octal number up to {@code 07777}, or a chmod(1) symbolic mode
 * ({@code u=rwx,go=rx}, {@code a+r}, {@code ug+s}, {@code +t}, {@code o=u}) applied to mode 0.
 * Clauses without a "who" part are limited by the umask, as setmode does; mtree runs under the
 * user's umask, here a parameter (makefs is normally run with 022).
 */
public final class ModeParser {
    private static final int S_ISUID = 04000;
    private static final int S_ISGID = 02000;
    private static final int S_ISTXT = 01000;
    private static final int S_IRWXU = 0700;
    private static final int S_IRWXG = 0070;
    private static final int S_IRWXO = 0007;
    private static final int STANDARD_BITS = S_ISUID | S_ISGID | S_IRWXU | S_IRWXG | S_IRWXO;
    private static final int R = 0444;
    private static final int W = 0222;
    private static final int X = 0111;

    private static final int CMD2_CLR = 1;
    private static final int CMD2_SET = 2;
    private static final int CMD2_GBITS = 4;
    private static final int CMD2_OBITS = 8;
    private static final int CMD2_UBITS = 16;

    private record Cmd(char cmd, int cmd2, int bits) {}

    private ModeParser() {}

    /**
     * The permission bits ({@code 07777} at most) {@code value} gives a new file.
     *
     * @param umask the umask that limits clauses without a who part
     * @throws IllegalArgumentException if setmode(3) would fail with EINVAL
     */
    public static int parse(String value, int umask) {
        List<Cmd> set = compile(value, ~umask);
        return apply(set, 0) & 07777;
    }

    private static List<Cmd> compile(String p, int mask) {
        List<Cmd> set = new ArrayList<>();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("empty mode");
        }
        if (Character.isDigit(p.charAt(0))) {
            long perm = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c < '0' || c > '7') {
                    throw new IllegalArgumentException("not an octal mode");
                }
                perm = perm * 8 + (c - '0');
                if (perm > 07777) {
                    throw new IllegalArgumentException("octal mode over 07777");
                }
            }
            add(set, '=', STANDARD_BITS | S_ISTXT, (int) perm, mask);
            return set;
        }
        int i = 0;
        int n = p.length();
        boolean equalopdone = false;
        while (true) {
            int who = 0;
            for (; i < n; i++) {
                char c = p.charAt(i);
                if (c == 'a') {
                    who |= STANDARD_BITS;
                } else if (c == 'u') {
                    who |= S_ISUID | S_IRWXU;
                } else if (c == 'g') {
                    who |= S_ISGID | S_IRWXG;
                } else if (c == 'o') {
                    who |= S_IRWXO;
                } else {
                    break;
                }
            }
            // getop:
            while (true) {
                char op = i < n ? p.charAt(i) : '\0';
                i++;
                if (op != '+' && op != '-' && op != '=') {
                    throw new IllegalArgumentException("expected +, - or = in symbolic mode");
                }
                if (op == '=') {
                    equalopdone = false;
                }
                who &= ~S_ISTXT;
                int perm = 0;
                int permXbits = 0;
                boolean more = true;
                for (; more; i++) {
                    char c = i < n ? p.charAt(i) : '\0';
                    switch (c) {
                        case 'r' -> perm |= R;
                        case 's' -> {
                            if (who == 0 || (who & ~S_IRWXO) != 0) {
                                perm |= S_ISUID | S_ISGID;
                            }
                        }
                        case 't' -> {
                            if (who == 0 || (who & ~S_IRWXO) != 0) {
                                who |= S_ISTXT;
                                perm |= S_ISTXT;
                            }
                        }
                        case 'w' -> perm |= W;
                        case 'X' -> permXbits = X;
                        case 'x' -> perm |= X;
                        case 'u', 'g', 'o' -> {
                            if (perm != 0) {
                                add(set, op, who, perm, mask);
                                perm = 0;
                            }
                            if (op == '=') {
                                equalopdone = true;
                            }
                            if (op == '+' && permXbits != 0) {
                                add(set, 'X', who, permXbits, mask);
                                permXbits = 0;
                            }
                            addCopy(set, c, who, op, mask);
                        }
                        default -> {
                            if (perm != 0 || (op == '=' && !equalopdone)) {
                                if (op == '=') {
                                    equalopdone = true;
                                }
                                add(set, op, who, perm, mask);
                                perm = 0;
                            }
                            if (permXbits != 0) {
                                add(set, 'X', who, permXbits, mask);
                                permXbits = 0;
                            }
                            more = false;
                            i--; // stay on the char that ended the perm list
                        }
                    }
                }
                // apply:
                if (i >= n) {
                    return set;
                }
                if (p.charAt(i) != ',') {
                    continue; // goto getop
                }
                i++;
                break;
            }
        }
    }

    private static void add(List<Cmd> set, char op, int who, int oparg, int mask) {
        if (op == '=') {
            set.add(new Cmd('-', 0, who != 0 ? who : STANDARD_BITS));
            op = '+';
        }
        set.add(new Cmd(op, 0, (who != 0 ? who : mask) & oparg));
    }

    private static void addCopy(List<Cmd> set, char from, int who, char op, int mask) {
        int cmd2;
        int bits;
        if (who != 0) {
            cmd2 = ((who & 0400) != 0 ? CMD2_UBITS : 0)
                    | ((who & 0040) != 0 ? CMD2_GBITS : 0)
                    | ((who & 0004) != 0 ? CMD2_OBITS : 0);
            bits = ~0;
        } else {
            cmd2 = CMD2_UBITS | CMD2_GBITS | CMD2_OBITS;
            bits = mask;
        }
        if (op == '+') {
            cmd2 |= CMD2_SET;
        } else if (op == '-') {
            cmd2 |= CMD2_CLR;
        } else {
            cmd2 |= CMD2_SET | CMD2_CLR;
        }
        set.add(new Cmd(from, cmd2, bits));
    }

    private static int apply(List<Cmd> set, int omode) {
        int newmode = omode;
        for (Cmd c : set) {
            switch (c.cmd) {
                case 'u', 'g', 'o' -> {
                    int value = switch (c.cmd) {
                        case 'u' -> (newmode & S_IRWXU) >> 6;
                        case 'g' -> (newmode & S_IRWXG) >> 3;
                        default -> newmode & S_IRWXO;
                    };
                    if ((c.cmd2 & CMD2_CLR) != 0) {
                        int clrval = (c.cmd2 & CMD2_SET) != 0 ? S_IRWXO : value;
                        if ((c.cmd2 & CMD2_UBITS) != 0) {
                            newmode &= ~((clrval << 6) & c.bits);
                        }
                        if ((c.cmd2 & CMD2_GBITS) != 0) {
                            newmode &= ~((clrval << 3) & c.bits);
                        }
                        if ((c.cmd2 & CMD2_OBITS) != 0) {
                            newmode &= ~(clrval & c.bits);
                        }
                    }
                    if ((c.cmd2 & CMD2_SET) != 0) {
                        if ((c.cmd2 & CMD2_UBITS) != 0) {
                            newmode |= (value << 6) & c.bits;
                        }
                        if ((c.cmd2 & CMD2_GBITS) != 0) {
                            newmode |= (value << 3) & c.bits;
                        }
                        if ((c.cmd2 & CMD2_OBITS) != 0) {
                            newmode |= value & c.bits;
                        }
                    }
                }
                case '+' -> newmode |= c.bits;
                case '-' -> newmode &= ~c.bits;
                case 'X' -> {
                    if ((omode & (0040000 | X)) != 0) {
                        newmode |= c.bits;
                    }
                }
                default -> throw new IllegalStateException("cmd " + c.cmd);
            }
        }
        return newmode;
    }
}
