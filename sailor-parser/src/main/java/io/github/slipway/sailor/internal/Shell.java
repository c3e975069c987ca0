package io.github.slipway.sailor.internal;

import io.github.slipway.sailor.CommandResolver;
import io.github.slipway.sailor.ConfException;
import io.github.slipway.sailor.ConfLimits;
import io.github.slipway.sailor.ConfValue;
import io.github.slipway.sailor.ConfWarning;
import io.github.slipway.sailor.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one conf evaluation: the variables, what the linter needs to know afterwards, and
 * the budgets that bound the work.
 */
public final class Shell {
    /** One assignment as it happened, for the linter. */
    public record Assignment(String name, SourcePosition position, int depth, boolean inRunAtEval) {
    }

    final CommandResolver resolver;
    final ConfLimits limits;
    final Path includeRoot;
    Map<String, ConfValue> vars = new LinkedHashMap<>();
    final Set<String> referenced = new HashSet<>();
    final Set<ConfWarning> warnings = new LinkedHashSet<>();
    final List<Assignment> assignments = new ArrayList<>();
    /** Real paths of the files being read, innermost last (cycle detection). */
    final List<Path> includeStack = new ArrayList<>();
    /** The same files as named in messages. */
    final List<Path> includeNames = new ArrayList<>();
    boolean inRunAtEval;
    /** How deep quotes, ${...} and $(...) nest right now (the lexer recurses on them). */
    int nesting;
    private long expanded;
    private long bytesRead;

    /**
     * A fresh shell.
     *
     * @param resolver    answers command substitutions
     * @param limits      the bounds
     * @param includeRoot where absolute include paths are looked up
     */
    public Shell(CommandResolver resolver, ConfLimits limits, Path includeRoot) {
        this.resolver = resolver;
        this.limits = limits;
        this.includeRoot = includeRoot;
    }

    /** The variables as they are now (live, ordered by first assignment). */
    public Map<String, ConfValue> vars() {
        return vars;
    }

    /** Replaces the variables (sailor's {@code run_at_*} loop runs in a subshell: a copy). */
    public void setVars(Map<String, ConfValue> v) {
        vars = v;
    }

    /** Names that some expansion mentions. */
    public Set<String> referenced() {
        return referenced;
    }

    /** Warnings so far, without duplicates, in the order found. */
    public Set<ConfWarning> warnings() {
        return warnings;
    }

    /** Every assignment performed, in order. */
    public List<Assignment> assignments() {
        return assignments;
    }

    /** Adds a warning. */
    public void warn(SourcePosition at, String message) {
        warnings.add(new ConfWarning(at, message));
    }

    /** Enters a file (the top-level conf or an include); its real path is used for cycles. */
    public void push(Path real, Path name) {
        includeStack.add(real);
        includeNames.add(name);
    }

    /** Leaves the innermost file. */
    public void pop() {
        includeStack.remove(includeStack.size() - 1);
        includeNames.remove(includeNames.size() - 1);
    }

    /** Marks the {@code run_at_*} re-evaluation phase (assignments are logged as such). */
    public void setInRunAtEval(boolean b) {
        inRunAtEval = b;
    }

    void chargeExpansion(long n, SourcePosition at) throws ConfException {
        expanded += n;
        if (expanded > limits.maxExpandedChars()) {
            throw new ConfException(at, "expansions produced more than " + limits.maxExpandedChars()
                    + " characters in all");
        }
    }

    /** Counts {@code n} more bytes read; fails past the total bound. */
    public void chargeBytes(long n, SourcePosition at) throws ConfException {
        bytesRead += n;
        if (bytesRead > limits.maxTotalBytes()) {
            throw new ConfException(at, "the conf and its includes exceed " + limits.maxTotalBytes() + " bytes");
        }
    }
}
