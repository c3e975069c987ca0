package io.github.slipway.examples.cli;

import io.github.slipway.examples.ShipImageBuilder;
import io.github.slipway.ffs.MakefsOptions;
import io.github.slipway.makedev.Arch;
import io.github.slipway.rc.FinalWait;
import io.github.slipway.rc.RcOptions;
import io.github.slipway.rc.ServiceStyle;
import io.github.slipway.sailor.elf.OsRules;
import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway build}: a sailor conf (or a ship folder) to a bootable FFSv1 image, through
 * {@link ShipImageBuilder}.
 *
 * <pre>
 * slipway build --root / --os linux -o hostdemo.img examples/ships/hostdemo/hostdemo.conf
 * slipway build --root /srv/netbsd-i386 -a i386 -s 64m -o fakecracker.img fakecracker.conf
 * slipway build --from-ship ~/ships/nginx -o nginx.img
 * </pre>
 *
 * <p>{@code -o} takes the image path, and also makefs' ffs options: a value holding {@code =}
 * ({@code -o bsize=4096,fsize=512}) is an ffs option list, any other value the image. The sizing
 * flags are makefs' ({@code -s -M -m -b -f -S -B -T}). Progress goes to stderr on a terminal
 * only; the summary goes to stdout; warnings to stderr as {@code slipway: warning: ...}.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds a bootable NetBSD FFSv1 image from a sailor conf (programs and libraries from",
            "the sysroot, /dev from MAKEDEV tables, a generated /etc/rc), or from a ship folder."})
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "SYSROOT", description = "where programs and libraries come from (default /)")
    Path root = Path.of("/");

    @Option(names = "--os", paramLabel = "netbsd|linux",
            description = "loader rules and sailor's defaults (default: netbsd when the sysroot has ld.elf_so)")
    String os;

    @Option(names = "-a", paramLabel = "ARCH", description = "NetBSD port for /dev numbers: i386 or amd64 (default amd64)")
    String arch = "amd64";

    @Option(names = "-o", paramLabel = "IMAGE|OPTS",
            description = "the image (default: the conf's name with .img), or ffs options k=v[,k=v] (bsize, fsize,"
                    + " density, minfree, maxbpg, avgfilesize, avgfpdir, extent, maxbpcg, version, optimization, label)")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "K=V", description = "a variable set before the conf is read")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--overlay", paramLabel = "DIR",
            description = "a folder merged over the ship, in order (PREFIX/ goes to the package prefix)")
    List<Path> overlays = new ArrayList<>();

    @Option(names = "--bin", paramLabel = "PATH", description = "one more program (inside the sysroot) with its libraries")
    List<String> bins = new ArrayList<>();

    @Option(names = "--no-default-bins", description = "do not add sailor's default binaries")
    boolean noDefaultBins;

    @Option(names = "--makedev", paramLabel = "TARGET",
            description = "one more MAKEDEV target (std, ld0 and tty00 are always made)")
    List<String> makedev = new ArrayList<>();

    @Option(names = "--run-build-commands",
            description = "run run_at_build commands (other than MAKEDEV) in a chroot of the staged ship, as sailor"
                    + " does; Linux host, root and a Linux ship only")
    boolean runBuildCommands;

    @Option(names = "--build-timeout", paramLabel = "SECONDS",
            description = "the most one run_at_build command may take (default 600)")
    long buildTimeout = 600;

    @Option(names = "--from-ship", paramLabel = "DIR", description = "build from a ship folder sailor made")
    Path fromShip;

    @Option(names = "--service", paramLabel = "NAME=COMMAND",
            description = "start service NAME with COMMAND (split on blanks) instead of /etc/rc.d/NAME onestart")
    Map<String, String> services = new LinkedHashMap<>();

    @Option(names = "--tail", paramLabel = "FILE", description = "the rc ends following FILE (tail -f)")
    String tail;

    @Option(names = "--root-device", paramLabel = "DEV", description = "fstab's root device (default /dev/ld0a)")
    String rootDevice = RcOptions.DEFAULT_ROOT_DEVICE;

    @Option(names = "--tmpfs", paramLabel = "DIR", description = "the rc mounts a tmpfs on DIR (repeatable)")
    List<String> tmpfs = new ArrayList<>();

    @Option(names = "--default-route", paramLabel = "ADDR", description = "the rc adds this default route")
    String defaultRoute;

    @Option(names = "-s", paramLabel = "SIZE", description = "image size (both -M and -m); suffixes b k m g t")
    String size;

    @Option(names = "-M", paramLabel = "SIZE", description = "minimum image size")
    String minSize;

    @Option(names = "-m", paramLabel = "SIZE", description = "maximum image size")
    String maxSize;

    @Option(names = "-b", paramLabel = "N[%]", description = "free blocks to add (bytes, or a percentage); with no size option: 10%%")
    String freeBlocks;

    @Option(names = "-f", paramLabel = "N[%]", description = "free inodes to add (a count, or a percentage); with no size option: 10%%")
    String freeFiles;

    @Option(names = "-S", paramLabel = "SECTOR", description = "sector size")
    Integer sectorSize;

    @Option(names = "-B", paramLabel = "ORDER", description = "byte order: be, le, 4321, 1234, big, little")
    String byteOrder;

    @Option(names = "-T", paramLabel = "SECONDS",
            description = "every time stamp (default SOURCE_DATE_EPOCH, else now)")
    Long timestamp;

    private final Progress progress = new Progress(System.console() != null);

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONF", description = "the sailor conf")
    Path conf;

    @Override
    public Integer call() throws Exception {
        if (conf == null && fromShip == null) {
            throw usage("a CONF or --from-ship DIR is needed");
        }
        List<String> images = new ArrayList<>();
        MakefsOptions.Builder mo = MakefsOptions.builder();
        for (String o : outputs) {
            if (o.contains("=")) {
                for (String kv : o.split(",")) {
                    try {
                        ffsOption(mo, kv);
                    } catch (IllegalArgumentException e) {
                        // the builder's setters check each value alone (-o minfree=120: not in 0..99)
                        throw usage(e.getMessage());
                    }
                }
            } else {
                images.add(o);
            }
        }
        if (images.size() > 1) {
            throw usage("-o: more than one image: " + String.join(", ", images));
        }
        Path image = images.isEmpty() ? defaultImage() : Path.of(images.get(0));
        ShipImageBuilder.Builder b = ShipImageBuilder.builder()
                .sysroot(root)
                .os(os())
                .arch(arch())
                .variables(variables)
                .environment(System.getenv())
                .defaultBins(!noDefaultBins)
                .rcOptions(rcOptions())
                .makefsOptions(sizing(mo))
                .warnings(w -> warn("warning: " + w))
                .runBuildCommands(runBuildCommands);
        if (size != null || minSize != null || maxSize != null || freeBlocks != null || freeFiles != null) {
            b.headroomPercent(0); // the user's sizing, exactly as makefs would take it
        }
        if (conf != null) {
            b.conf(conf);
        }
        if (fromShip != null) {
            b.fromShip(fromShip);
        }
        overlays.forEach(b::overlay);
        try {
            bins.forEach(b::extraBin);
            List<String> targets = new ArrayList<>(ShipImageBuilder.DEFAULT_MAKEDEV_TARGETS);
            targets.addAll(makedev);
            b.makedevTargets(targets);
            if (timestamp != null) {
                b.timestamp(timestamp);
            }
            if (buildTimeout <= 0) {
                throw usage("--build-timeout: must be a positive number of seconds, not " + buildTimeout);
            }
            b.buildCommandTimeout(java.time.Duration.ofSeconds(buildTimeout));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        b.progress(progress);
        ShipImageBuilder.Summary s;
        try {
            s = b.build().build(image);
        } finally {
            progress.clear();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(s.image() + ": " + human(s.imageSize()) + ", " + s.files() + " files (" + s.libraries()
                + " libraries), " + s.devices() + " devices, " + human(s.freeBytes()) + " free, "
                + s.freeInodes() + " free inodes");
        out.flush();
        return 0;
    }

    private Path defaultImage() {
        Path from = conf != null ? conf : fromShip.toAbsolutePath().normalize();
        String name = from.getFileName() == null ? "ship" : from.getFileName().toString();
        if (name.endsWith(".conf")) {
            name = name.substring(0, name.length() - 5);
        }
        return Path.of(name + ".img");
    }

    private void warn(String w) {
        progress.clear();
        PrintWriter err = spec.commandLine().getErr();
        err.println("slipway: " + w);
        err.flush();
    }

    private OsRules os() {
        if (os == null) {
            return OsRules.AUTO;
        }
        return switch (os.toLowerCase(Locale.ROOT)) {
            case "netbsd" -> OsRules.NETBSD;
            case "linux" -> OsRules.LINUX;
            default -> throw usage("--os: expected netbsd or linux, not '" + os + "'");
        };
    }

    private Arch arch() {
        try {
            return Arch.parse(arch);
        } catch (IllegalArgumentException e) {
            throw usage("-a: " + e.getMessage());
        }
    }

    private RcOptions rcOptions() {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        services.forEach((name, command) -> {
            List<String> words = new ArrayList<>();
            for (String w : command.split("[ \t]+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            commands.put(name, words);
        });
        try {
            return RcOptions.defaults()
                    .withServiceStyle(commands.isEmpty() ? ServiceStyle.RCD : ServiceStyle.DIRECT)
                    .withServiceCommands(commands)
                    .withPackagePrefix(Optional.of(variables.getOrDefault("prefix", RcOptions.DEFAULT_PACKAGE_PREFIX)))
                    .withRootDevice(rootDevice)
                    .withTmpfsMounts(tmpfs)
                    .withDefaultRoute(Optional.ofNullable(defaultRoute))
                    .withFinalWait(tail != null ? FinalWait.tail(tail) : FinalWait.sleep());
        } catch (IllegalArgumentException e) {
            throw usage(RcCommand.optionNames(e.getMessage()));
        }
    }

    private void ffsOption(MakefsOptions.Builder mo, String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw usage("-o: expected key=value, not '" + kv + "'");
        }
        String k = kv.substring(0, eq);
        String v = kv.substring(eq + 1);
        switch (k) {
            case "bsize" -> mo.bsize(powerOfTwo(k, v));
            case "fsize" -> mo.fsize(powerOfTwo(k, v));
            case "density" -> mo.density(intValue(k, v));
            case "minfree" -> mo.minfree(intValue(k, v));
            case "maxbpg", "maxbpf" -> mo.maxbpg(intValue(k, v));
            case "avgfilesize" -> mo.avgfilesize(intValue(k, v));
            case "avgfpdir" -> mo.avgfpdir(intValue(k, v));
            case "extent", "maxbsize" -> mo.extent(intValue(k, v));
            case "maxbpcg" -> mo.maxbpcg(intValue(k, v));
            case "version" -> mo.version(intValue(k, v));
            case "label" -> mo.label(v);
            case "optimization" -> {
                if (!v.equals("space") && !v.equals("time")) {
                    throw usage("-o optimization: expected space or time, not '" + v + "'");
                }
                mo.optimizeSpace(v.equals("space"));
            }
            default -> throw usage("-o: unknown ffs option '" + k + "'");
        }
    }

    /**
     * A block or fragment size: mkfs.c refuses anything but a power of 2, and the writer divides by
     * these before its own range checks (bsize=3 ended in "/ by zero").
     */
    private int powerOfTwo(String k, String v) {
        int n = intValue(k, v);
        if (n <= 0 || Integer.bitCount(n) != 1) {
            throw usage("-o " + k + ": must be a power of 2, not " + n);
        }
        return n;
    }

    private MakefsOptions sizing(MakefsOptions.Builder mo) {
        try {
            if (size != null) {
                mo.size(bytes("-s", size));
            }
            if (minSize != null) {
                mo.minSize(bytes("-M", minSize));
            }
            if (maxSize != null) {
                mo.maxSize(bytes("-m", maxSize));
            }
            if (freeBlocks != null) {
                if (freeBlocks.endsWith("%")) {
                    mo.freeBlockPercent(intValue("-b", freeBlocks.substring(0, freeBlocks.length() - 1)));
                } else {
                    mo.freeBlocks(bytes("-b", freeBlocks));
                }
            }
            if (freeFiles != null) {
                if (freeFiles.endsWith("%")) {
                    mo.freeFilePercent(intValue("-f", freeFiles.substring(0, freeFiles.length() - 1)));
                } else {
                    mo.freeFiles(bytes("-f", freeFiles));
                }
            }
            if (sectorSize != null) {
                mo.sectorSize(sectorSize);
            }
            if (byteOrder != null) {
                mo.byteOrder(switch (byteOrder.toLowerCase(Locale.ROOT)) {
                    case "be", "4321", "big" -> ByteOrder.BIG_ENDIAN;
                    case "le", "1234", "little" -> ByteOrder.LITTLE_ENDIAN;
                    default -> throw usage("-B: expected be or le, not '" + byteOrder + "'");
                });
            }
            if (timestamp != null) {
                mo.timestamp(timestamp);
            }
            return mo.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private int intValue(String what, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw usage(what + ": not a number: '" + v + "'");
        }
    }

    /** makefs' sizes: a number with an optional suffix b (512), k, m, g, t (powers of 1024). */
    static long bytesOf(String v) {
        if (v.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        char last = Character.toLowerCase(v.charAt(v.length() - 1));
        int shift = switch (last) {
            case 'b' -> 9;
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
        long n = Long.parseLong(digits);
        if (n < 0 || n > Long.MAX_VALUE >> shift) {
            throw new NumberFormatException("out of range");
        }
        return n << shift;
    }

    private long bytes(String what, String v) {
        try {
            return bytesOf(v);
        } catch (NumberFormatException e) {
            throw usage(what + ": not a size: '" + v + "'");
        }
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** One status line on stderr, rewritten in place, only on a terminal. */
    private final class Progress implements ShipImageBuilder.ProgressListener {
        private final boolean on;
        private int shown;

        Progress(boolean on) {
            this.on = on;
        }

        @Override
        public void progress(ShipImageBuilder.Stage stage, long done, long total) {
            if (!on) {
                return;
            }
            String what = switch (stage) {
                case RESOLVING -> "resolving programs " + done + (total >= 0 ? "/" + total : "");
                case STAGING -> "staging files " + done + (total >= 0 ? "/" + total : "");
                case WRITING -> "writing " + human(done) + (total >= 0 ? " of " + human(total) : "");
            };
            String line = "slipway: " + what;
            PrintWriter err = spec.commandLine().getErr();
            err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
            err.flush();
            shown = line.length();
        }

        void clear() {
            if (on && shown > 0) {
                PrintWriter err = spec.commandLine().getErr();
                err.print("\r" + " ".repeat(shown) + "\r");
                err.flush();
                shown = 0;
            }
        }
    }
}
