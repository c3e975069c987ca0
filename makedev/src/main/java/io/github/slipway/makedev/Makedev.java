package io.github.slipway.makedev;

import io.github.slipway.makedev.internal.ArmTable;
import io.github.slipway.makedev.internal.Shell;
import java.util.List;
import java.util.Objects;

/**
 * NetBSD's MAKEDEV for one arch, as tables: expands targets ({@code std}, {@code ld0},
 * {@code all}, ...) into the entries {@code MAKEDEV -s} would list, in the same order and with the
 * same duplicates, without running a shell and without root.
 *
 * <p>The reference is NetBSD's {@code etc/MAKEDEV.tmpl} 1.236 with {@code sys/conf/majors} 1.105,
 * amd64 {@code MAKEDEV.conf} 1.37 and i386 {@code MAKEDEV.conf} 1.26. Every template arm whose
 * majors exist on the arch is a target; an unknown target gives MAKEDEV's warning
 * {@code X: unknown device}, and the other targets still expand. Behaviour worth knowing:
 * <ul>
 * <li>{@code virtio}: amd64's {@code all_md} names it but template 1.236 does not define it, so
 *     by default it warns, as NetBSD's MAKEDEV does. {@link #withVirtio(boolean) withVirtio(true)}
 *     defines it as slipway's own group {@code ld0 ld1 ld2 ld3 ttyVI vio9p0} (the nodes a virtio
 *     micro-VM uses; NetBSD's later definition could not be read).</li>
 * <li>{@code std}'s {@code tty stdin stdout stderr} and {@code fd} are made only when no fdesc
 *     file system is mounted on {@code /dev}; by default none is
 *     ({@link #withFdescMounted(boolean)}).</li>
 * <li>{@code local} does nothing (there is no {@code MAKEDEV.local}).</li>
 * <li>A unit that is no number (e.g. {@code wd0x}) or whose minor does not fit NetBSD's 20 bits
 *     drops that target with a warning, where the shell script would stop on an arithmetic error
 *     or leave mtree a number it rejects.</li>
 * </ul>
 *
 * <pre>{@code
 * Expansion e = Makedev.forArch(Arch.I386).expand("std", "ld0");
 * e.nodes().size();     // 16 + 34
 * e.warnings();         // []
 * String spec = e.makedevSpec();   // what "MAKEDEV -s std ld0" prints
 * }</pre>
 */
public final class Makedev {
    private final Arch arch;
    private final boolean virtio;
    private final boolean fdescMounted;

    private Makedev(Arch arch, boolean virtio, boolean fdescMounted) {
        this.arch = Objects.requireNonNull(arch, "arch");
        this.virtio = virtio;
        this.fdescMounted = fdescMounted;
    }

    /**
     * {@return MAKEDEV as NetBSD generates it for {@code arch} (template 1.236 behaviour)}
     *
     * @param arch the NetBSD port
     */
    public static Makedev forArch(Arch arch) {
        return new Makedev(arch, false, false);
    }

    /** {@return the arch} */
    public Arch arch() {
        return arch;
    }

    /** {@return whether the {@code virtio} target is defined (see the class comment)} */
    public boolean virtio() {
        return virtio;
    }

    /** {@return whether an fdesc file system is taken to be mounted on {@code /dev}} */
    public boolean fdescMounted() {
        return fdescMounted;
    }

    /**
     * {@return a copy that defines (or not) the {@code virtio} target as {@code ld0 ld1 ld2 ld3 ttyVI vio9p0}; with
     * it, amd64's {@code all} no longer warns}
     *
     * @param defined whether the {@code virtio} target exists
     */
    public Makedev withVirtio(boolean defined) {
        return new Makedev(arch, defined, fdescMounted);
    }

    /**
     * {@return a copy that takes an fdesc file system to be mounted (or not) on {@code /dev}: then {@code std} skips
     * {@code tty stdin stdout stderr} and {@code fd} makes nothing}
     *
     * @param mounted whether fdesc is taken to be mounted on {@code /dev}
     */
    public Makedev withFdescMounted(boolean mounted) {
        return new Makedev(arch, virtio, mounted);
    }

    /**
     * Expands {@code targets} as {@code MAKEDEV targets...} would.
     *
     * @param targets MAKEDEV targets, in order
     * @return the nodes, warnings and exit status
     */
    public Expansion expand(String... targets) {
        return expand(List.of(targets));
    }

    /**
     * Expands {@code targets} as {@code MAKEDEV targets...} would.
     *
     * @param targets MAKEDEV targets, in order
     * @return the nodes, warnings and exit status
     */
    public Expansion expand(List<String> targets) {
        for (String t : targets) {
            Objects.requireNonNull(t, "target");
        }
        Shell sh = Shell.run(ArmTable.of(arch, virtio), fdescMounted, targets);
        return new Expansion(arch, sh.nodes(), sh.warnings());
    }

    /** {@return the targets' case labels this arch's MAKEDEV knows, in template order (e.g. {@code "wd[0-9]*"})} */
    public List<String> targetPatterns() {
        return ArmTable.of(arch, virtio).keptLabels();
    }

    @Override
    public String toString() {
        return "Makedev[" + arch + (virtio ? ", virtio" : "") + (fdescMounted ? ", fdesc" : "") + "]";
    }
}
