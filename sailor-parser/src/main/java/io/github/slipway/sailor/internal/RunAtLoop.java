package io.github.slipway.sailor.internal;

import io.github.slipway.sailor.ConfException;
import io.github.slipway.sailor.ConfSyntaxException;
import io.github.slipway.sailor.ConfValue;
import io.github.slipway.sailor.Phase;
import io.github.slipway.sailor.RunCommand;
import io.github.slipway.sailor.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sailor's {@code at_cmd_run}, reproduced without running anything:
 *
 * <pre>
 * ${grep} "^run_at_${cmd}" ${file} | while read line
 * do
 *     eval ${line}
 *     eval chroot ${shippath} ${sh} -c \"\$run_at_${cmd}\"
 * done
 * </pre>
 *
 * <p>Per phase: the physical lines of the top-level file that start with {@code run_at_<phase>}
 * (grep sees lines, not shell words, and never the included files); {@code read} without
 * {@code -r} (a backslash escapes the next character and is removed, a trailing backslash joins
 * the next <em>matched</em> line, unescaped blanks at both ends are trimmed, and a last line left
 * incomplete at end of input is not run); the unquoted {@code ${line}} split on blanks and joined
 * again by {@code eval} with single spaces; the eval in a copy of the state after sourcing (the
 * pipeline is a subshell); then the command is the value {@code run_at_<phase>} has now.
 */
public final class RunAtLoop {
    private RunAtLoop() {
    }

    /**
     * The commands sailor would run, in order, per phase.
     *
     * @param sh      the shell after sourcing the conf (its variables are restored afterwards)
     * @param top     the top-level conf
     * @return every command of every phase, phases in {@link Phase} order
     */
    public static List<RunCommand> commands(Shell sh, ConfText top) throws ConfException {
        Map<String, ConfValue> sourced = sh.vars();
        String[] lines = top.text().split("\n", -1);
        int count = top.text().endsWith("\n") ? lines.length - 1 : lines.length;
        List<RunCommand> out = new ArrayList<>();
        sh.setInRunAtEval(true);
        try {
            for (Phase phase : Phase.values()) {
                String key = phase.key();
                sh.setVars(new LinkedHashMap<>(sourced));
                List<Integer> matched = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    if (lines[i].startsWith(key)) {
                        matched.add(i);
                    }
                }
                int k = 0;
                while (k < matched.size()) {
                    int first = matched.get(k);
                    StringBuilder line = new StringBuilder();
                    int lastEscaped = -1;
                    boolean complete = false;
                    outer:
                    while (k < matched.size()) {
                        String l = lines[matched.get(k)];
                        k++;
                        for (int j = 0; j < l.length(); j++) {
                            char c = l.charAt(j);
                            if (c == '\\') {
                                if (j + 1 < l.length()) {
                                    line.append(l.charAt(j + 1));
                                    lastEscaped = line.length() - 1;
                                    j++;
                                } else {
                                    continue outer; // read's line continuation: the next matched line
                                }
                            } else {
                                line.append(c);
                            }
                        }
                        complete = true;
                        break;
                    }
                    if (!complete) {
                        sh.warn(new SourcePosition(top.file(), first + 1, 1), key + " line ends in a backslash"
                                + " with no further " + key + " line: sailor's 'read' reaches the end and never runs it");
                        break;
                    }
                    int end = line.length();
                    while (end > 0 && end - 1 > lastEscaped && isBlank(line.charAt(end - 1))) {
                        end--;
                    }
                    List<String> fields = new ArrayList<>();
                    StringBuilder f = new StringBuilder();
                    for (int j = 0; j < end; j++) {
                        char c = line.charAt(j);
                        if (isBlank(c)) {
                            if (f.length() > 0) {
                                fields.add(f.toString());
                                f.setLength(0);
                            }
                        } else {
                            f.append(c);
                        }
                    }
                    if (f.length() > 0) {
                        fields.add(f.toString());
                    }
                    SourcePosition where = new SourcePosition(top.file(), first + 1, 1);
                    for (String field : fields) {
                        if (field.indexOf('*') >= 0 || field.indexOf('?') >= 0 || field.indexOf('[') >= 0) {
                            sh.warn(where, "sailor's unquoted 'eval ${line}' would expand the pattern '" + field
                                    + "' against its working directory; slipway keeps it as written");
                            break;
                        }
                    }
                    String text = String.join(" ", fields);
                    int before = sh.assignments().size();
                    try {
                        new Interpreter(sh, ConfText.fragment(text, where), 0).run();
                    } catch (ConfException e) {
                        throw new ConfSyntaxException(e.position(), "sailor's 'read' and 'eval' of this " + key
                                + " line fail: " + e.reason() + " (it evaluates: " + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + ")");
                    }
                    boolean assigned = false;
                    for (int a = before; a < sh.assignments().size(); a++) {
                        if (sh.assignments().get(a).name().equals(key)) {
                            assigned = true;
                        }
                    }
                    ConfValue now = sh.vars().get(key);
                    String command = now == null ? "" : now.value();
                    if (!assigned) {
                        sh.warn(where, "this line starts with " + key + " but does not assign it: sailor runs "
                                + key + "'s current value again" + (command.isEmpty() ? " (an empty command)" : ""));
                    }
                    out.add(new RunCommand(phase, command, where));
                }
            }
        } finally {
            sh.setVars(sourced);
            sh.setInRunAtEval(false);
        }
        return out;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }
}
