package io.github.slipway.makedev.internal;

import java.util.List;
import java.util.Optional;

/**
 * One arm of MAKEDEV's {@code case $i in ... esac}: its label (the alternatives before {@code )}),
 * the {@code %name_chr%}/{@code %name_blk%} placeholders its body uses (an arm with a placeholder
 * the arch lacks is dropped, as MAKEDEV.awk does) and its body. Arms of other ports, which need
 * majors neither x86 port has, carry no body: they are listed so that arm counts can be checked.
 */
final class Arm {
    enum Section { MD, TOP, MI, END }

    /** The code of an arm: runs with {@code $i} = {@code target}. */
    interface Body {
        void run(Shell sh, String target);
    }

    private final String label;
    private final List<String> needs;
    private final Optional<Body> body;
    private final Section section;
    private final String[] patterns;

    /**
     * @param label the case label as the template spells it, e.g. {@code "ses[0-9]*|ch[0-9]*"}
     * @param needs the placeholders, e.g. {@code ["wd_blk", "wd_chr"]}
     * @param body what the arm does, empty for arms of other ports
     * @param section where the arm comes from: MD (MAKEDEV.conf), TOP (all/init), MI, END
     */
    Arm(String label, List<String> needs, Optional<Body> body, Section section) {
        this.label = label;
        this.needs = needs;
        this.body = body;
        this.section = section;
        this.patterns = label.split("\\|");
    }

    String label() {
        return label;
    }

    List<String> needs() {
        return needs;
    }

    Optional<Body> body() {
        return body;
    }

    Section section() {
        return section;
    }

    String[] patterns() {
        return patterns;
    }

    boolean matches(String target) {
        for (String p : patterns) {
            if (Glob.matches(p, target)) {
                return true;
            }
        }
        return false;
    }
}
