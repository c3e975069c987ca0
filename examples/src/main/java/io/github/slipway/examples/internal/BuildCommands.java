package io.github.slipway.examples.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a {@code run_at_build} command the way slipway honours it: the {@code MAKEDEV} runs in
 * it ({@code cd /dev && sh MAKEDEV all_md}, {@code /dev/MAKEDEV -M std}, {@code ./MAKEDEV ld0})
 * become makedev targets, {@code cd} is harmless, and anything else could only run on a NetBSD
 * host and is reported as not run. Nothing is executed. Commands with quotes, substitutions,
 * redirections or globs are not taken apart: they are reported whole.
 *
 * <pre>{@code
 * BuildCommands.Parsed p = BuildCommands.parse("cd /dev && sh MAKEDEV all_md");
 * p.makedevTargets();   // [all_md]
 * p.notRun();           // []
 * }</pre>
 */
public final class BuildCommands {
    /** Characters that make a command more than a list of plain words. */
    private static final String SPECIAL = "'\"`$\\<>*?[]{}()~#=";
    /** MAKEDEV options that take an argument (MAKEDEV.tmpl getopts "fMm:pst:u"). */
    private static final Set<String> WITH_ARGUMENT = Set.of("-m", "-t");

    private BuildCommands() {
    }

    /**
     * What a command asks for.
     *
     * @param makedevTargets the targets of its MAKEDEV runs, in order
     * @param notRun         the parts that slipway cannot run (whole command when not plain)
     */
    public record Parsed(List<String> makedevTargets, List<String> notRun) {
        /**
         * Copies the lists.
         *
         * @param makedevTargets the targets of its MAKEDEV runs, in order
         * @param notRun the parts that slipway cannot run (whole command when not plain)
         */
        public Parsed {
            makedevTargets = List.copyOf(makedevTargets);
            notRun = List.copyOf(notRun);
        }
    }

    /** Splits {@code command} into MAKEDEV targets and the parts that are not run. */
    public static Parsed parse(String command) {
        Objects.requireNonNull(command, "command");
        for (int i = 0; i < command.length(); i++) {
            if (SPECIAL.indexOf(command.charAt(i)) >= 0) {
                return new Parsed(List.of(), List.of(command.strip()));
            }
        }
        List<String> targets = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        // a list of simple commands joined by && || ; | & or newlines
        for (String simple : command.split("&&|\\|\\||;|\\||&|\n")) {
            List<String> words = new ArrayList<>();
            for (String w : simple.strip().split("[ \t]+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            if (words.isEmpty() || words.get(0).equals("cd") && words.size() <= 2) {
                continue;
            }
            int at = 0;
            if (words.get(0).equals("sh") || words.get(0).equals("/bin/sh")) {
                at = 1;
            }
            if (at < words.size() && isMakedev(words.get(at))) {
                for (int k = at + 1; k < words.size(); k++) {
                    String w = words.get(k);
                    if (w.startsWith("-")) {
                        if (WITH_ARGUMENT.contains(w)) {
                            k++;
                        }
                        continue;
                    }
                    targets.add(w);
                }
                continue;
            }
            notRun.add(simple.strip());
        }
        return new Parsed(targets, notRun);
    }

    private static boolean isMakedev(String word) {
        return word.equals("MAKEDEV") || word.endsWith("/MAKEDEV");
    }
}
