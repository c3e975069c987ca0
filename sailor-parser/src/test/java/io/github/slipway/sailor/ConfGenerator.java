package io.github.slipway.sailor;

import java.util.List;
import java.util.Random;

/**
 * Seeded random confs in the shell subset sailor confs use: assignments (several a line, with
 * {@code ;}), unquoted words with backslashes, single and double quotes, {@code $v}, {@code ${v}},
 * {@code ${v-w}}, {@code ${v:-w}}, {@code :=}, {@code =}, {@code :+}, {@code +}, {@code ${#v}},
 * tilde prefixes, comments, line continuations, self-appends, {@code :} and {@code unset} lines,
 * and {@code run_at_build}/{@code run_at_start} lines (one physical line each, as sailor's grep
 * needs them).
 */
final class ConfGenerator {
    /** The variables a generated conf assigns and reads (HOME is sometimes the caller's). */
    static final List<String> VARS = List.of("a", "b", "c", "ab", "x_1", "HOME", "run_at_build", "run_at_start");
    private static final List<String> READ = List.of("a", "b", "c", "ab", "x_1", "HOME", "nope");
    private static final String UNQUOTED = "abcXZ019/._-,:@%+=#";
    private static final String ESCAPABLE = " '\"$\\#;|&<>()*?[~n{}\t";
    private static final String SQ = "ab $\\\"#;|*{}`()\t~";
    private static final String DQ = "ab :'#;|*{}()-~\t";
    private static final String[] OPS = {":-", "-", ":=", "=", ":+", "+"};

    private final Random r;
    /** false inside run_at_ values: no newline may enter them (grep sees physical lines). */
    private boolean multiline;

    ConfGenerator(long seed) {
        this.r = new Random(seed);
    }

    String conf() {
        return conf(null);
    }

    /** A conf; when {@code include} is not null, a {@code . include} line at a random place. */
    String conf(String include) {
        StringBuilder b = new StringBuilder();
        int lines = 3 + r.nextInt(10);
        int includeAt = include == null ? -1 : r.nextInt(lines);
        for (int i = 0; i < lines; i++) {
            if (i == includeAt) {
                b.append(r.nextBoolean() ? ". " : "  . ").append(include).append('\n');
            }
            multiline = true;
            switch (r.nextInt(13)) {
                case 0 -> b.append("# comment ").append(pick("x 'y \" $z \\")).append('\n');
                case 1 -> b.append(r.nextBoolean() ? "\n" : "  \t\n");
                case 2 -> b.append(": \"${").append(var()).append(r.nextBoolean() ? ":=" : "=")
                        .append(braceWord(true, 0)).append("}\"\n");
                case 3 -> b.append("unset ").append(var()).append('\n');
                case 4 -> {
                    String v = var();
                    b.append(v).append("=\"$").append(v).append(' ').append(dqContent(1)).append("\"\n");
                }
                case 5, 6, 7 -> {
                    multiline = false;
                    String key = r.nextBoolean() ? "run_at_build" : "run_at_start";
                    // run_at values are mostly quoted as in real confs; sometimes anything goes
                    int form = r.nextInt(10);
                    String v;
                    do {
                        v = form < 5 ? "\"" + dqContent(0) + "\"" : form < 7 ? "'" + sqContent() + "'" : value(0);
                        // dash 0.5.12's read drops a last field that is one escaped character
                        // ("a \\b" reads as "a"; POSIX, bash and NetBSD sh give "a b"): the
                        // oracle is wrong there, so such lines are not generated
                    } while (v.matches("(?s).*[ \t]\\\\.") );
                    // a last backslash would escape the blank before the comment in sailor's eval
                    b.append(key).append('=').append(v).append(r.nextInt(4) == 0 && !v.endsWith("\\") ? "  # c" : "")
                            .append('\n');
                }
                default -> {
                    if (r.nextInt(5) == 0) {
                        b.append(r.nextBoolean() ? " " : "\t");
                    }
                    int n = 1 + r.nextInt(3);
                    for (int k = 0; k < n; k++) {
                        if (k > 0) {
                            b.append(r.nextInt(4) == 0 ? " ; " : r.nextBoolean() ? " " : " \t");
                        }
                        b.append(var()).append('=').append(value(0));
                    }
                    int end = r.nextInt(6);
                    if (end == 0) {
                        b.append(';');
                    } else if (end == 1) {
                        b.append(" # trailing $a 'comment");
                    }
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }

    private String var() {
        return VARS.get(r.nextInt(VARS.size() - 2)); // run_at_* only through their own lines
    }

    private String readVar() {
        return READ.get(r.nextInt(READ.size()));
    }

    private char pick(String chars) {
        return chars.charAt(r.nextInt(chars.length()));
    }

    private String value(int depth) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(10) == 0) {
            int t = r.nextInt(3);
            b.append(t == 0 ? "~/" : t == 1 ? "~:" : "~");
            if (t == 2) {
                return b.toString();
            }
        }
        int parts = r.nextInt(5);
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(9)) {
                case 0 -> {
                    int n = 1 + r.nextInt(4);
                    for (int k = 0; k < n; k++) {
                        b.append(pick(UNQUOTED));
                    }
                }
                case 1 -> b.append('\\').append(pick(multiline ? ESCAPABLE : "'\"$\\n*?{}~#"));
                case 2 -> {
                    b.append('\'');
                    int n = r.nextInt(5);
                    for (int k = 0; k < n; k++) {
                        char c = pick(SQ);
                        b.append(multiline && r.nextInt(12) == 0 ? '\n' : c);
                    }
                    b.append('\'');
                }
                case 3, 4 -> b.append('"').append(dqContent(depth)).append('"');
                case 5, 6 -> b.append(param(false, depth));
                case 7 -> {
                    if (multiline) {
                        b.append("\\\n");
                    } else {
                        b.append("\\\\");
                    }
                }
                default -> b.append(r.nextBoolean() ? "$," : "$/");
            }
        }
        return b.toString();
    }

    private String sqContent() {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(12);
        for (int k = 0; k < n; k++) {
            b.append(r.nextInt(4) == 0 ? "  " : String.valueOf(pick(SQ)));
        }
        return b.toString();
    }

    private String dqContent(int depth) {
        StringBuilder b = new StringBuilder();
        int parts = r.nextInt(5);
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(7)) {
                case 0, 1 -> {
                    int n = 1 + r.nextInt(4);
                    for (int k = 0; k < n; k++) {
                        b.append(pick(DQ));
                    }
                    if (r.nextInt(8) == 0) {
                        b.append("  ");
                    }
                }
                case 2 -> b.append('\\').append(pick(multiline || r.nextInt(4) == 0 ? "$\\\"`nax'" : "$nax'"));
                case 3, 4 -> b.append(param(true, depth));
                // in a run_at line four backslashes become one after read and eval, as in empty.conf
                case 5 -> b.append(multiline && r.nextBoolean() ? "\\\n" : multiline ? "\n" : "\\\\\\\\");
                default -> b.append(r.nextBoolean() ? "$." : "$ ");
            }
        }
        return b.toString();
    }

    private String param(boolean dq, int depth) {
        String v = readVar();
        int kind = r.nextInt(depth > 1 ? 3 : 6);
        return switch (kind) {
            case 0 -> "$" + v;
            case 1 -> "${" + v + "}";
            case 2 -> "${#" + v + "}";
            default -> "${" + v + OPS[r.nextInt(OPS.length)] + braceWord(dq, depth + 1) + "}";
        };
    }

    /** The word of {@code ${v-word}}: quotes and escapes as dash reads them there. */
    private String braceWord(boolean dq, int depth) {
        StringBuilder b = new StringBuilder();
        int parts = r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(6)) {
                case 0 -> b.append(pick(dq ? "ab /:-'" : "ab /:-"));
                case 1 -> b.append('\\').append(pick("}$\\\""));
                case 2 -> b.append('"').append(dqContent(depth + 1)).append('"');
                case 3 -> b.append(dq ? "x" : "'" + pick("a }$\"") + "'");
                default -> b.append(param(dq, depth + 1));
            }
        }
        return b.toString();
    }
}
