package io.github.slipway.makedev.internal;

import io.github.slipway.makedev.Arch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arms of one generated MAKEDEV script: the template's arms in order, minus those whose
 * placeholders the arch's major table cannot fill. Lookup follows sh {@code case}: the first arm
 * whose pattern matches wins.
 */
public final class ArmTable {
    private final Arch arch;
    private final Majors majors;
    private final List<Arm> kept;
    private final List<Arm> dropped;
    private final Map<Character, List<Arm>> byFirstChar = new HashMap<>();

    ArmTable(Arch arch, List<Arm> all) {
        this.arch = arch;
        this.majors = Majors.of(arch);
        List<Arm> k = new ArrayList<>();
        List<Arm> d = new ArrayList<>();
        for (Arm a : all) {
            boolean allThere = true;
            for (String n : a.needs()) {
                allThere &= majors.has(n);
            }
            if (allThere) {
                if (a.body().isEmpty()) {
                    throw new IllegalStateException("arm " + a.label() + " is kept on " + arch + " but has no body");
                }
                k.add(a);
            } else {
                d.add(a);
            }
        }
        this.kept = Collections.unmodifiableList(k);
        this.dropped = Collections.unmodifiableList(d);
        for (Arm a : kept) {
            for (String p : a.patterns()) {
                char c = p.charAt(0);
                if (c == '*' || c == '?' || c == '[') {
                    throw new IllegalStateException("pattern " + p + " must start with a literal");
                }
                List<Arm> bucket = byFirstChar.get(c);
                if (bucket == null) {
                    bucket = new ArrayList<>();
                    byFirstChar.put(c, bucket);
                }
                if (bucket.isEmpty() || bucket.get(bucket.size() - 1) != a) {
                    bucket.add(a);
                }
            }
        }
    }

    /** The table for {@code arch}; {@code virtio} adds slipway's {@code virtio} target. */
    public static ArmTable of(Arch arch, boolean virtio) {
        return Tables.get(arch, virtio);
    }

    Arch arch() {
        return arch;
    }

    Majors majors() {
        return majors;
    }

    /** The arms the generated script keeps, in order. */
    public List<String> keptLabels() {
        return kept.stream().map(Arm::label).toList();
    }

    /** The arms MAKEDEV.awk drops for lack of a major, in order. */
    public List<String> droppedLabels() {
        return dropped.stream().map(Arm::label).toList();
    }

    /** The MI (template) arms kept, as MAKEDEV.awk counts them. */
    public long keptMiArms() {
        return kept.stream().filter(a -> a.section() == Arm.Section.MI).count();
    }

    /** The MI (template) arms dropped. */
    public long droppedMiArms() {
        return dropped.stream().filter(a -> a.section() == Arm.Section.MI).count();
    }

    /** The placeholders the kept arms use, e.g. {@code "wd_blk"}. */
    public List<String> keptPlaceholders() {
        return kept.stream().flatMap(a -> a.needs().stream()).distinct().toList();
    }

    /** The first arm of the template that matches {@code target}; empty for an unknown device. */
    Optional<Arm> find(String target) {
        if (target.isEmpty()) {
            return Optional.empty();
        }
        List<Arm> bucket = byFirstChar.get(target.charAt(0));
        if (bucket == null) {
            return Optional.empty();
        }
        // bucket holds arms in template order; an arm with several alternatives appears once
        for (Arm a : bucket) {
            if (a.matches(target)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private static final class Tables {
        // [arch][virtio]: built on first use, then shared (tables are immutable)
        private static final ArmTable[][] CACHE = new ArmTable[Arch.values().length][2];

        static synchronized ArmTable get(Arch arch, boolean virtio) {
            int v = virtio ? 1 : 0;
            ArmTable t = CACHE[arch.ordinal()][v];
            if (t == null) {
                t = new ArmTable(arch, Template.arms(arch, virtio));
                CACHE[arch.ordinal()][v] = t;
            }
            return t;
        }
    }
}
