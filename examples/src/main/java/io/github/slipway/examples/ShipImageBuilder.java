package io.github.slipway.examples;

import io.github.slipway.examples.internal.Accounts;
import io.github.slipway.examples.internal.BuildCommands;
import io.github.slipway.examples.internal.ChrootRunner;
import io.github.slipway.examples.internal.FreeSpace;
import io.github.slipway.examples.internal.StagedTree;
import io.github.slipway.ffs.DeviceNumber;
import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.FfsWriter;
import io.github.slipway.ffs.FileContent;
import io.github.slipway.ffs.ImageNode;
import io.github.slipway.ffs.ImageTree;
import io.github.slipway.ffs.MakefsOptions;
import io.github.slipway.ffs.Metadata;
import io.github.slipway.makedev.Arch;
import io.github.slipway.makedev.DeviceNode;
import io.github.slipway.makedev.Expansion;
import io.github.slipway.makedev.Makedev;
import io.github.slipway.rc.RcFile;
import io.github.slipway.rc.RcFiles;
import io.github.slipway.rc.RcGenerator;
import io.github.slipway.rc.RcOptions;
import io.github.slipway.sailor.ConfReader;
import io.github.slipway.sailor.ConfValue;
import io.github.slipway.sailor.Phase;
import io.github.slipway.sailor.RunCommand;
import io.github.slipway.sailor.ShipConfig;
import io.github.slipway.sailor.elf.Closure;
import io.github.slipway.sailor.elf.LibraryResolver;
import io.github.slipway.sailor.elf.OsRules;
import io.github.slipway.sailor.elf.ShipFile;
import io.github.slipway.sailor.elf.Symlink;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reference composition of slipway: one sailor conf (or a ship folder sailor built) and a
 * sysroot in, one bootable FFSv1 image out, with nothing executed and no root needed.
 *
 * <p>The steps follow sailor's {@code build()} (NetBSDfr/sailor {@code sailor.sh}):
 * <ol>
 * <li>read the conf ({@code HOME} from the environment, {@code OS}, {@code prefix},
 *     {@code sysconfdir}, {@code varbase} as sailor sets them; caller variables win);</li>
 * <li>resolve {@code shipbins}, the programs the generated {@code /etc/rc} runs, any
 *     {@linkplain Builder#extraBins extra} programs and sailor's default binaries (skipped when
 *     absent, as sailor skips them) to files and symlink chains in the sysroot; a shipbin that is
 *     absent is an error naming its conf line;</li>
 * <li>copy the {@code sync_dirs} trees from the sysroot, then merge the overlay folders in order
 *     ({@code rsync -a DIR/ ship/}), an overlay's {@code PREFIX/} going to the package prefix;</li>
 * <li>add the skeleton sailor makes: {@code /dev}, {@code /etc/rc.d}, {@code /tmp} and
 *     {@code /var/tmp} (1777), {@code /var/db/pkg}, {@code /var/db/pkgin}, {@code /var/log},
 *     {@code /var/run}, and {@code /etc/localtime} from the sysroot's zoneinfo GMT;</li>
 * <li>make {@code /dev} with makedev: the {@linkplain #DEFAULT_MAKEDEV_TARGETS default targets}
 *     plus those of each {@code run_at_build} line that runs MAKEDEV; other {@code run_at_build}
 *     commands cannot run on a foreign host and are reported as warnings, unless
 *     {@linkplain Builder#runBuildCommands they are run} in a chroot of the staged ship (Linux
 *     host, root, Linux ship) before owners are set;</li>
 * <li>generate {@code /etc/rc}, {@code /etc/fstab}, {@code /etc/rc.conf} (an overlay's own
 *     files win);</li>
 * <li>own everything by root and wheel as the ship's accounts name them (the last overlay's
 *     {@code etc/master.passwd} or {@code etc/passwd} with {@code etc/group}, else the
 *     sysroot's, else NetBSD's), except each user's home directory that no shipped program lives
 *     in; {@code etc/master.passwd} gets mode 0600; modes are kept, every time is the build's
 *     timestamp;</li>
 * <li>write the image with {@link FfsWriter} (atomically: a failed build leaves no image).</li>
 * </ol>
 * With {@link Builder#fromShip(Path)} the ship folder replaces steps 1–3 (a conf may still be
 * given for the rc files): owners, times and device nodes, which copying a ship off its host
 * loses, are made again.
 *
 * <pre>{@code
 * ShipImageBuilder.Summary s = ShipImageBuilder.builder()
 *         .conf(Path.of("examples/ships/fakecracker/fakecracker.conf"))
 *         .sysroot(Path.of("/srv/netbsd-10-i386"))
 *         .os(OsRules.NETBSD)
 *         .arch(Arch.I386)
 *         .timestamp(1600000000)
 *         .build()
 *         .build(Path.of("fakecracker.img"));
 * s.files();        // regular files in the image
 * s.freeBytes();    // what the superblock reports free
 * }</pre>
 */
public final class ShipImageBuilder {
    /** The {@code /dev} targets every ship gets: the standard nodes, the root disk, the serial console. */
    public static final List<String> DEFAULT_MAKEDEV_TARGETS = List.of("std", "ld0", "tty00");

    /** Free blocks and inodes, in percent, a ship gets when no size was asked for. */
    public static final int DEFAULT_HEADROOM_PERCENT = 10;

    /** What sailor's {@code build()} makes under {@code varbase} ("needed for pkg_install / pkgin"). */
    private static final List<String> VARBASE_DIRS = List.of("db/pkg", "db/pkgin", "log", "run", "tmp");
    /** The PATH of the generated rc, where its commands are looked up. */
    private static final List<String> RC_PATH = List.of("/sbin", "/bin", "/usr/sbin", "/usr/bin");

    /** How far the build is, for a progress display. */
    public enum Stage {
        /** Reading the conf and resolving programs; {@code done} counts programs resolved. */
        RESOLVING,
        /** Putting the tree together; {@code done} counts files staged. */
        STAGING,
        /** Writing the image; {@code done} counts file bytes written out of {@code total}. */
        WRITING
    }

    /**
     * Receives progress reports; called on the building thread.
     *
     * <pre>{@code
     * builder.progress((stage, done, total) -> System.err.print("\r" + stage + " " + done + "/" + total));
     * }</pre>
     */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * One report.
         *
         * @param stage what is being done
         * @param done  how much of it is done
         * @param total how much there is, or -1 when not known yet
         */
        void progress(Stage stage, long done, long total);
    }

    /**
     * What a build made.
     *
     * @param image      the image written
     * @param files      regular files in the image
     * @param libraries  shared libraries and interpreters among them (from the ELF closure)
     * @param devices    device nodes under {@code /dev}
     * @param imageSize  the image's size in bytes
     * @param freeBytes  free data bytes the superblock reports
     * @param freeInodes free inodes the superblock reports
     * @param warnings   what could not be done as sailor would do it (one line each)
     */
    public record Summary(Path image, int files, int libraries, int devices, long imageSize, long freeBytes,
            long freeInodes, List<String> warnings) {
        /**
         * Copies the list.
         *
         * @param image the image written
         * @param files regular files in the image
         * @param libraries shared libraries and interpreters among them (from the ELF closure)
         * @param devices device nodes under {@code /dev}
         * @param imageSize the image's size in bytes
         * @param freeBytes free data bytes the superblock reports
         * @param freeInodes free inodes the superblock reports
         * @param warnings what could not be done as sailor would do it (one line each)
         */
        public Summary {
            Objects.requireNonNull(image, "image");
            warnings = List.copyOf(warnings);
        }
    }

    private final Optional<Path> conf;
    private final Optional<Path> ship;
    private final Path sysroot;
    private final OsRules os;
    private final Arch arch;
    private final Map<String, String> variables;
    private final Map<String, String> environment;
    private final List<Path> overlays;
    private final List<String> extraBins;
    private final boolean defaultBins;
    private final List<String> makedevTargets;
    private final RcOptions rcOptions;
    private final MakefsOptions makefsOptions;
    private final int headroomPercent;
    private final OptionalLong timestamp;
    private final ProgressListener progress;
    private final Consumer<String> warningListener;
    private final boolean runBuildCommands;
    private final Duration buildTimeout;

    private ShipImageBuilder(Builder b) {
        this.conf = b.conf;
        this.ship = b.ship;
        this.sysroot = b.sysroot;
        this.os = b.os;
        this.arch = b.arch;
        this.variables = Map.copyOf(b.variables);
        this.environment = Map.copyOf(b.environment);
        this.overlays = List.copyOf(b.overlays);
        this.extraBins = List.copyOf(b.extraBins);
        this.defaultBins = b.defaultBins;
        this.makedevTargets = List.copyOf(b.makedevTargets);
        this.rcOptions = b.rcOptions;
        this.makefsOptions = b.makefsOptions;
        this.headroomPercent = b.headroomPercent;
        this.timestamp = b.timestamp;
        this.progress = b.progress;
        this.warningListener = b.warnings;
        this.runBuildCommands = b.runBuildCommands;
        this.buildTimeout = b.buildTimeout;
    }

    /**
     * {@return a builder: sysroot {@code /}, OS from the sysroot, amd64, default bins on, default rc and makefs
     * options}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds the ship and writes it to {@code image} (replacing it only when everything worked).
     *
     * @param image the image file to write (replaced atomically)
     * @return what was made
     * @throws ShipBuildException for a ship that cannot be built (the message says where)
     * @throws IOException        for a conf error ({@code file:line:col: ...}), an ELF file that
     *                            cannot be read, an image that does not fit the size options
     */
    public Summary build(Path image) throws IOException {
        Objects.requireNonNull(image, "image");
        // fail before the (long) staging, not at the final rename with a temp file's name in the message
        if (Files.isDirectory(image)) {
            throw new ShipBuildException(image + ": is a directory, not an image file");
        }
        Path folder = image.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ShipBuildException(image + ": folder " + folder + " does not exist");
        }
        if (conf.isPresent() && Files.exists(image) && Files.exists(conf.get())
                && Files.isSameFile(conf.get(), image)) {
            // "-o ship.conf" would replace the conf with its own image
            throw new ShipBuildException(image + ": is the conf being built; choose another image name");
        }
        return new Run().build(image);
    }

    /** The state of one build. */
    private final class Run {
        private final List<String> warnings = new ArrayList<>();
        private long time;
        private Metadata dirMeta;
        private StagedTree tree;
        private OsRules shipOs;
        private final Set<String> closurePaths = new LinkedHashSet<>();
        private int libraries;

        Summary build(Path image) throws IOException {
            time = buildTime();
            Instant t = Instant.ofEpochSecond(time);
            dirMeta = Metadata.of(0755, 0, 0, t);
            tree = new StagedTree(dirMeta);
            shipOs = os == OsRules.AUTO ? detectOs() : os;
            if (runBuildCommands) {
                Optional<String> why = ChrootRunner.unusable();
                if (why.isEmpty() && (shipOs != OsRules.LINUX || ship.isPresent())) {
                    why = Optional.of("the ship is not a Linux ship built from a conf");
                }
                if (why.isPresent()) {
                    throw new ShipBuildException("run_at_build commands run only on a Linux host, as root, for a"
                            + " Linux ship: " + why.get());
                }
            }
            progress.progress(Stage.RESOLVING, 0, -1);
            Optional<ShipConfig> config = conf.isPresent() ? Optional.of(readConf(conf.get())) : Optional.empty();
            Optional<RcFiles> rc = config.isPresent()
                    ? Optional.of(RcGenerator.generate(config.get(), rcOptions)) : Optional.empty();
            String prefix = config.flatMap(c -> c.get("prefix")).filter(p -> p.startsWith("/"))
                    .orElse(rcOptions.packagePrefix().orElse(RcOptions.DEFAULT_PACKAGE_PREFIX));
            if (ship.isPresent()) {
                stageShipFolder(ship.get());
            } else {
                resolveAndStage(config, rc);
                if (config.isPresent()) {
                    syncDirs(config.get());
                }
            }
            Accounts accounts = accounts();
            skeleton();
            if (rc.isPresent()) {
                for (RcFile f : rc.get().all()) {
                    ImageNode n = ImageNode.file(Metadata.of(f.mode(), 0, 0, t),
                            FileContent.of(f.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    if (!tree.put(f.path(), n, ship.isEmpty())) {
                        warn(f.path() + ": the ship's own file is kept, not the generated one");
                    }
                }
            }
            for (Path o : overlays) {
                overlay(o, prefix);
            }
            config.ifPresent(this::packagesWarning);
            List<String> targets = new ArrayList<>(makedevTargets);
            List<RunCommand> toRun = new ArrayList<>();
            config.ifPresent(c -> targets.addAll(buildCommandTargets(c, toRun)));
            Optional<Path> scratch = Optional.empty();
            try {
                if (!toRun.isEmpty()) {
                    scratch = Optional.of(Files.createTempDirectory(
                            image.toAbsolutePath().getParent(), ".slipway-chroot-"));
                    runInChroot(scratch.get(), toRun);
                }
                normalize(accounts, t);
                int devices = devices(targets, t);
                return write(image, devices);
            } finally {
                if (scratch.isPresent()) {
                    ChrootRunner.delete(scratch.get());
                }
            }
        }

        private void runInChroot(Path dir, List<RunCommand> commands) throws IOException {
            ChrootRunner r = new ChrootRunner(dir, buildTimeout);
            shipOp(() -> r.write(tree.root()));
            for (RunCommand c : commands) {
                shipOp(() -> r.run(c.command(), c.position().toString()));
            }
            ImageNode after;
            try {
                after = r.read();
            } catch (IOException e) {
                throw new ShipBuildException("after run_at_build: " + describe(e), e);
            }
            tree = new StagedTree(dirMeta);
            shipOp(() -> tree.merge("/", after, (p, n) -> { }));
        }

        private long buildTime() throws ShipBuildException {
            if (timestamp.isPresent()) {
                return timestamp.getAsLong();
            }
            if (makefsOptions.timestamp().isPresent()) {
                return makefsOptions.timestamp().getAsLong();
            }
            String sde = environment.get("SOURCE_DATE_EPOCH");
            if (sde != null) {
                try {
                    long v = Long.parseLong(sde.strip());
                    if (v >= 0 && v <= 0x7fffffffL) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new ShipBuildException("SOURCE_DATE_EPOCH: '" + sde + "' is not a time in seconds 0.."
                        + 0x7fffffffL);
            }
            return Math.min(System.currentTimeMillis() / 1000, 0x7fffffffL);
        }

        private OsRules detectOs() {
            return Files.exists(sysroot.resolve("usr/libexec/ld.elf_so"))
                    || Files.exists(sysroot.resolve("libexec/ld.elf_so"))
                    || ship.isPresent() ? OsRules.NETBSD : OsRules.LINUX;
        }

        private void warn(String w) {
            warnings.add(w);
            warningListener.accept(w);
        }

        private ShipConfig readConf(Path c) throws IOException {
            ConfReader.Builder r = ConfReader.builder().sysroot(sysroot);
            Map<String, String> vars = new LinkedHashMap<>();
            String home = environment.get("HOME");
            if (home != null && home.indexOf('\0') < 0) {
                vars.put("HOME", home);
            }
            vars.put("OS", shipOs == OsRules.NETBSD ? "NetBSD" : "Linux");
            String prefix = variables.getOrDefault("prefix", RcOptions.DEFAULT_PACKAGE_PREFIX);
            vars.put("prefix", prefix);
            vars.put("sysconfdir", prefix + "/etc");
            vars.put("varbase", "/var");
            vars.putAll(variables);
            return r.variables(vars).build().read(c);
        }

        // ---- step 2: programs and their libraries

        private void resolveAndStage(Optional<ShipConfig> config, Optional<RcFiles> rc) throws IOException {
            LibraryResolver resolver = LibraryResolver.builder().sysroot(sysroot).os(shipOs).allowNonElf(true).build();
            Map<String, ShipFile> files = new LinkedHashMap<>();
            List<String> requested = config.map(ShipConfig::shipbins).orElse(List.of());
            Optional<ConfValue> at = config.flatMap(c -> c.value("shipbins"));
            int done = 0;
            int total = requested.size() + extraBins.size();
            for (String bin : requested) {
                String where = at.map(v -> v.position() + ": shipbins: ").orElse("shipbins: ");
                add(files, resolve(resolver, bin, where));
                progress.progress(Stage.RESOLVING, ++done, total);
            }
            for (String bin : extraBins) {
                add(files, resolve(resolver, bin, "extra program: "));
                progress.progress(Stage.RESOLVING, ++done, total);
            }
            if (rc.isPresent()) {
                for (String command : rc.get().commands()) {
                    Optional<Closure> c = Optional.empty();
                    for (String dir : RC_PATH) {
                        c = tryResolve(resolver, dir + "/" + command);
                        if (c.isPresent()) {
                            break;
                        }
                    }
                    if (c.isEmpty()) {
                        warn("/etc/rc runs " + command + ": not found in " + String.join(", ", RC_PATH)
                                + " of sysroot " + sysroot);
                    } else {
                        add(files, c.get());
                    }
                }
            }
            if (defaultBins) {
                add(files, wrap("sailor's default binaries: ", () -> LibraryResolver.builder().sysroot(sysroot)
                        .os(shipOs).defaultBins(true).allowNonElf(true).build().resolve(List.of())));
            }
            int staged = 0;
            for (ShipFile f : files.values()) {
                stage(f);
                progress.progress(Stage.STAGING, ++staged, files.size());
            }
        }

        private Optional<Closure> tryResolve(LibraryResolver resolver, String path) throws IOException {
            try {
                return Optional.of(resolver.resolve(List.of(path)));
            } catch (NoSuchFileException e) {
                if (path.equals(e.getFile()) && e.getReason() == null) {
                    return Optional.empty();
                }
                throw new ShipBuildException("/etc/rc runs " + path + ": " + describe(e), e);
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(path + ": not a regular file")) {
                    return Optional.empty();
                }
                throw new ShipBuildException("/etc/rc runs " + path + ": " + describe(e), e);
            }
        }

        private Closure resolve(LibraryResolver resolver, String bin, String where) throws IOException {
            return wrap(where, () -> resolver.resolve(List.of(bin)));
        }

        private Closure wrap(String where, ResolveCall call) throws IOException {
            try {
                return call.resolve();
            } catch (NoSuchFileException e) {
                throw new ShipBuildException(where + describe(e) + " (sysroot " + sysroot + ")", e);
            } catch (IOException e) {
                throw new ShipBuildException(where + describe(e), e);
            }
        }

        private void add(Map<String, ShipFile> files, Closure c) {
            for (ShipFile f : c.files()) {
                if (files.putIfAbsent(f.shipPath(), f) == null && f.role() != ShipFile.Role.REQUESTED) {
                    libraries++;
                }
            }
        }

        private void stage(ShipFile f) throws IOException {
            Metadata link = Metadata.of(0755, 0, 0, Instant.ofEpochSecond(time));
            for (Symlink l : f.symlinks()) {
                shipOp(() -> tree.putLink(l.linkPath(), l.target(), link));
            }
            ImageNode node = hostFile(f.hostPath());
            shipOp(() -> tree.put(f.sysrootPath(), node, false));
            closurePaths.add(f.sysrootPath());
        }

        private ImageNode hostFile(Path host) throws IOException {
            int mode;
            long size;
            try {
                mode = (Integer) Files.getAttribute(host, "unix:mode") & 07777;
                size = Files.size(host);
            } catch (IOException e) {
                throw new ShipBuildException(host + ": " + describe(e), e);
            }
            if (!Files.isReadable(host)) {
                throw new ShipBuildException(host + ": cannot read: permission denied");
            }
            return ImageNode.file(Metadata.of(mode, 0, 0, Instant.ofEpochSecond(time)), FileContent.of(host, size));
        }

        private void syncDirs(ShipConfig c) throws IOException {
            Optional<ConfValue> at = c.value("sync_dirs");
            for (String d : c.syncDirs()) {
                String where = at.map(v -> v.position() + ": ").orElse("") + "sync_dirs: " + d;
                if (!d.startsWith("/")) {
                    throw new ShipBuildException(where + ": not an absolute path");
                }
                Path host = sysroot.resolve(d.substring(1)).normalize();
                if (!host.startsWith(sysroot.normalize())) {
                    throw new ShipBuildException(where + ": leaves the sysroot " + sysroot);
                }
                if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ShipBuildException(where + ": " + host + " is not a directory");
                }
                ImageTree src;
                try {
                    src = ImageTree.fromDirectories(List.of(host));
                } catch (IOException e) {
                    throw new ShipBuildException(where + ": " + describe(e), e);
                }
                shipOp(() -> tree.merge(d, src.root(), (p, n) -> { }));
            }
        }

        private void stageShipFolder(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new ShipBuildException(dir + ": not a directory");
            }
            ImageTree src;
            try {
                src = ImageTree.fromDirectories(List.of(dir));
            } catch (IOException e) {
                throw new ShipBuildException(describe(e), e);
            }
            shipOp(() -> tree.merge("/", src.root(), (p, n) -> { }));
        }

        // ---- step 3: overlays

        private void overlay(Path dir, String prefix) throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new ShipBuildException(dir + ": overlay is not a directory");
            }
            ImageTree src;
            try {
                src = ImageTree.fromDirectories(List.of(dir));
            } catch (IOException e) {
                throw new ShipBuildException(describe(e), e);
            }
            ImageNode root = src.root();
            Optional<ImageNode> pfx = root.child("PREFIX");
            if (pfx.isPresent() && pfx.get().type() == EntryType.DIRECTORY) {
                root.remove("PREFIX");
                shipOp(() -> tree.merge(prefix, pfx.get(), (p, n) -> { }));
            }
            // rsync DIR/ ship/ also sets the root's own mode; a ship's root stays 0755
            Metadata rootMeta = tree.root().metadata();
            shipOp(() -> tree.merge("/", root, (p, n) -> { }));
            tree.root().setMetadata(rootMeta);
        }

        // ---- step 4: the skeleton

        private void skeleton() throws IOException {
            for (String d : List.of("/dev", "/etc", "/etc/rc.d", "/tmp")) {
                shipOp(() -> tree.mkdirs(d));
            }
            for (String d : VARBASE_DIRS) {
                shipOp(() -> tree.mkdirs("/var/" + d));
            }
            Optional<Path> gmt = insideSysroot("/usr/share/zoneinfo/GMT");
            if (gmt.isPresent() && tree.lookup("/etc/localtime").isEmpty()) {
                ImageNode n = hostFile(gmt.get());
                n.setMetadata(n.metadata().withPermissions(0644));
                shipOp(() -> tree.put("/etc/localtime", n, false));
            }
        }

        /** A regular file at an absolute path inside the sysroot, links resolved inside it. */
        private Optional<Path> insideSysroot(String path) throws IOException {
            try {
                Closure c = LibraryResolver.builder().sysroot(sysroot).os(shipOs).allowNonElf(true).build()
                        .resolve(List.of(path));
                return Optional.of(c.files().get(0).hostPath());
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                // not a plain data file (a damaged ELF, a directory): sailor's cp would copy it,
                // but a time zone that is not TZif data is no use; leave it out
                warn(path + ": not copied to /etc/localtime: " + describe(e));
                return Optional.empty();
            }
        }

        private void packagesWarning(ShipConfig c) {
            List<String> pkgs = c.packages();
            if (!pkgs.isEmpty()) {
                warn(c.value("packages").map(v -> v.position() + ": ").orElse("") + "packages: "
                        + String.join(" ", pkgs) + " not installed: slipway runs no pkgin; put the packages' files"
                        + " in the sysroot and name their programs in shipbins (or --bin), their files in an overlay");
            }
        }

        // ---- step 7: owners, times, modes

        private Accounts accounts() throws IOException {
            List<Path> etcs = new ArrayList<>();
            for (int i = overlays.size() - 1; i >= 0; i--) {
                etcs.add(overlays.get(i).resolve("etc"));
            }
            if (ship.isPresent()) {
                etcs.add(ship.get().resolve("etc"));
            } else {
                etcs.add(sysroot.resolve("etc"));
            }
            for (Path etc : etcs) {
                Path group = etc.resolve("group");
                for (String name : List.of("master.passwd", "passwd")) {
                    Path pw = etc.resolve(name);
                    if (Files.isRegularFile(pw) && Files.isRegularFile(group)) {
                        try (InputStream p = Files.newInputStream(pw); InputStream g = Files.newInputStream(group)) {
                            return Accounts.read(p, pw.toString(), g, group.toString());
                        } catch (IOException e) {
                            throw new ShipBuildException(describe(e), e);
                        }
                    }
                }
            }
            return Accounts.defaults();
        }

        private void normalize(Accounts a, Instant t) throws IOException {
            long uid = a.rootUid();
            long gid = a.wheelGid();
            tree.forEach((path, n) -> {
                Metadata m = n.metadata();
                n.setMetadata(new Metadata(m.permissions(), uid, gid, t, t, t, m.flags()));
            });
            for (String tmp : List.of("/tmp", "/var/tmp")) {
                ImageNode n = tree.mkdirs(tmp);
                n.setMetadata(n.metadata().withPermissions(01777));
            }
            Optional<ImageNode> mp = tree.lookup("/etc/master.passwd");
            if (mp.isPresent() && mp.get().type() == EntryType.FILE) {
                mp.get().setMetadata(mp.get().metadata().withPermissions(0600));
            }
            for (Accounts.Home h : a.homes()) {
                String home = h.home();
                if (home.equals("/") || home.contains("/..") || isSkeleton(home) || holdsPrograms(home)) {
                    continue;
                }
                Optional<ImageNode> n = tree.lookup(home);
                if (n.isPresent() && n.get().type() == EntryType.DIRECTORY) {
                    n.get().setMetadata(n.get().metadata().withOwner(h.uid(), h.gid()));
                }
            }
        }

        private boolean isSkeleton(String dir) {
            String d = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
            if (List.of("/dev", "/etc", "/etc/rc.d", "/tmp", "/var", "/usr", "/bin", "/sbin", "/lib", "/libexec",
                    "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/libexec", "/usr/pkg", "/root").contains(d)) {
                return true;
            }
            for (String v : VARBASE_DIRS) {
                if (d.equals("/var/" + v) || d.equals("/var/db")) {
                    return true;
                }
            }
            return false;
        }

        private boolean holdsPrograms(String dir) {
            String d = dir.endsWith("/") ? dir : dir + "/";
            for (String p : closurePaths) {
                if (p.startsWith(d)) {
                    return true;
                }
            }
            return false;
        }

        // ---- step 5: /dev

        /**
         * The MAKEDEV targets of the run_at_build lines; lines without MAKEDEV go to
         * {@code toRun} when commands are run, every other command is a warning.
         */
        private List<String> buildCommandTargets(ShipConfig c, List<RunCommand> toRun) {
            List<String> targets = new ArrayList<>();
            for (RunCommand rc : c.runAt(Phase.BUILD)) {
                BuildCommands.Parsed p = BuildCommands.parse(rc.command());
                targets.addAll(p.makedevTargets());
                if (runBuildCommands && p.makedevTargets().isEmpty()) {
                    toRun.add(rc);
                    continue;
                }
                for (String n : p.notRun()) {
                    warn(rc.position() + ": run_at_build not run (" + (runBuildCommands
                            ? "it shares its line with MAKEDEV" : "it needs the ship's own OS; see --run-build-commands")
                            + "): " + n);
                }
            }
            return targets;
        }

        private int devices(List<String> targets, Instant t) throws IOException {
            Makedev m = Makedev.forArch(arch).withVirtio(true);
            Expansion e = m.expand(targets);
            for (String w : e.warnings()) {
                warn("MAKEDEV: " + w);
            }
            ImageNode dev = tree.mkdirs("/dev");
            int count = 0;
            for (DeviceNode d : e.unique()) {
                Metadata meta = Metadata.of(d.mode(), d.uid(), d.gid(), t);
                String path = "/dev/" + d.path();
                ImageNode n = switch (d.type()) {
                    case CHAR -> ImageNode.device(EntryType.CHAR_DEVICE, meta, new DeviceNumber(d.major(), d.minor()));
                    case BLOCK -> ImageNode.device(EntryType.BLOCK_DEVICE, meta, new DeviceNumber(d.major(), d.minor()));
                    case LINK -> ImageNode.symlink(meta, d.linkTarget().orElseThrow());
                    case DIR -> ImageNode.directory(meta);
                };
                if (d.type() == io.github.slipway.makedev.NodeType.DIR) {
                    tree.mkdirs(path).setMetadata(meta);
                    continue;
                }
                Optional<ImageNode> old = tree.lookup(path);
                if (old.isPresent() && old.get().type() == EntryType.DIRECTORY) {
                    throw new ShipBuildException(path + ": MAKEDEV makes a " + d.type().mtreeName()
                            + " where the ship has a directory");
                }
                shipOp(() -> tree.put(path, n, true));
                if (d.type().isDevice()) {
                    count++;
                }
            }
            if (dev.type() != EntryType.DIRECTORY) {
                throw new ShipBuildException("/dev: not a directory");
            }
            return count;
        }

        // ---- step 8: the image

        private Summary write(Path image, int devices) throws IOException {
            long[] total = {0};
            int[] files = {0};
            long[] written = {0};
            tree.forEach((p, n) -> {
                if (n.type() == EntryType.FILE) {
                    files[0]++;
                    total[0] += n.content().orElseThrow().size();
                }
            });
            tree.forEach((p, n) -> {
                if (n.type() == EntryType.FILE) {
                    n.setContent(counting(n.content().orElseThrow(), written, total[0]));
                }
            });
            // Without size options the writer picks the smallest image that holds the tree.
            MakefsOptions.Builder ob = makefsOptions.toBuilder().timestamp(time);
            if (headroomPercent > 0 && !makefsOptions.compat() && !makefsOptions.hasSizeOptions()) {
                // the smallest image that holds the ship leaves its services no room for logs,
                // pid files or /tmp: a ship gets headroom unless its size was asked for
                ob.freeBlockPercent(headroomPercent).freeFilePercent(headroomPercent);
            }
            MakefsOptions options = ob.build();
            progress.progress(Stage.WRITING, 0, total[0]);
            FfsWriter.Summary s = FfsWriter.write(tree.tree(), options, image);
            progress.progress(Stage.WRITING, total[0], total[0]);
            FreeSpace free = FreeSpace.read(image);
            return new Summary(image, files[0], libraries, devices, s.size(), free.bytes(), free.inodes(), warnings);
        }

        private FileContent counting(FileContent c, long[] written, long total) {
            return new FileContent() {
                @Override
                public long size() {
                    return c.size();
                }

                @Override
                public InputStream open() throws IOException {
                    return new FilterInputStream(c.open()) {
                        @Override
                        public int read() throws IOException {
                            int b = super.read();
                            if (b >= 0) {
                                count(1);
                            }
                            return b;
                        }

                        @Override
                        public int read(byte[] buf, int off, int len) throws IOException {
                            int n = super.read(buf, off, len);
                            if (n > 0) {
                                count(n);
                            }
                            return n;
                        }

                        private void count(long n) {
                            long before = written[0];
                            written[0] += n;
                            // a report per MiB is plenty for a terminal
                            if (before >> 20 != written[0] >> 20) {
                                progress.progress(Stage.WRITING, written[0], total);
                            }
                        }
                    };
                }

                @Override
                public String origin() {
                    return c.origin();
                }
            };
        }

        private void shipOp(ShipOp op) throws ShipBuildException {
            try {
                op.run();
            } catch (IOException e) {
                throw new ShipBuildException(describe(e), e);
            }
        }
    }

    @FunctionalInterface
    private interface ShipOp {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface ResolveCall {
        Closure resolve() throws IOException;
    }

    /** An exception's message with what the JDK leaves out of file-system exceptions. */
    static String describe(IOException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof NoSuchFileException n && n.getReason() == null) {
            return msg + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException a && a.getReason() == null) {
            return msg + ": permission denied";
        }
        return msg;
    }

    /** Options of a build; every setter checks its value. */
    public static final class Builder {
        private Optional<Path> conf = Optional.empty();
        private Optional<Path> ship = Optional.empty();
        private Path sysroot = Path.of("/");
        private OsRules os = OsRules.AUTO;
        private Arch arch = Arch.AMD64;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private Map<String, String> environment = Map.of();
        private final List<Path> overlays = new ArrayList<>();
        private final List<String> extraBins = new ArrayList<>();
        private boolean defaultBins = true;
        private List<String> makedevTargets = DEFAULT_MAKEDEV_TARGETS;
        private RcOptions rcOptions = RcOptions.defaults();
        private MakefsOptions makefsOptions = MakefsOptions.defaults();
        private int headroomPercent = DEFAULT_HEADROOM_PERCENT;
        private OptionalLong timestamp = OptionalLong.empty();
        private ProgressListener progress = (s, d, t) -> { };
        private Consumer<String> warnings = w -> { };
        private boolean runBuildCommands;
        private Duration buildTimeout = Duration.ofMinutes(10);

        private Builder() {
        }

        /**
         * Whether {@code run_at_build} commands without MAKEDEV are run, as sailor runs them ({@code chroot SHIP sh
         * -c COMMAND}), in a scratch copy of the staged ship; only on a Linux host, as root, for a Linux ship
         * (default false: they are listed as warnings).
         *
         * @param on whether to run them
         * @return this builder
         */
        public Builder runBuildCommands(boolean on) {
            this.runBuildCommands = on;
            return this;
        }

        /**
         * The most one {@code run_at_build} command may take (default 10 minutes).
         *
         * @param limit the time limit per command
         * @return this builder
         */
        public Builder buildCommandTimeout(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("build command timeout must be positive: " + limit);
            }
            this.buildTimeout = limit;
            return this;
        }

        /**
         * The sailor conf to build (needed unless {@link #fromShip} is given).
         *
         * @param file the sailor conf
         * @return this builder
         */
        public Builder conf(Path file) {
            this.conf = Optional.of(Objects.requireNonNull(file, "conf"));
            return this;
        }

        /**
         * A ship folder sailor built, to turn into an image instead of resolving a conf's programs.
         *
         * @param dir the ship folder
         * @return this builder
         */
        public Builder fromShip(Path dir) {
            this.ship = Optional.of(Objects.requireNonNull(dir, "ship"));
            return this;
        }

        /**
         * The tree programs and libraries are copied from (a NetBSD destdir, or {@code /}).
         *
         * @param dir the sysroot
         * @return this builder
         */
        public Builder sysroot(Path dir) {
            this.sysroot = Objects.requireNonNull(dir, "sysroot").toAbsolutePath().normalize();
            return this;
        }

        /**
         * The loader rules and sailor's OS defaults; AUTO: NetBSD when the sysroot has ld.elf_so.
         *
         * @param rules the loader rules, or {@link OsRules#AUTO}
         * @return this builder
         */
        public Builder os(OsRules rules) {
            this.os = Objects.requireNonNull(rules, "os");
            return this;
        }

        /**
         * The NetBSD port whose device numbers {@code /dev} gets (default amd64).
         *
         * @param a the NetBSD port whose device numbers are used
         * @return this builder
         */
        public Builder arch(Arch a) {
            this.arch = Objects.requireNonNull(a, "arch");
            return this;
        }

        /**
         * A variable set before the conf is read ({@code --set K=V}); wins over the defaults.
         *
         * @param name a shell variable name
         * @param value its value
         * @return this builder
         */
        public Builder variable(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not a shell variable name: " + name);
            }
            variables.put(name, value);
            return this;
        }

        /**
         * {@link #variable} for each entry.
         *
         * @param vars variable names to values
         * @return this builder
         */
        public Builder variables(Map<String, String> vars) {
            vars.forEach(this::variable);
            return this;
        }

        /**
         * The environment {@code HOME} and {@code SOURCE_DATE_EPOCH} are taken from (default empty; pass {@code
         * System.getenv()} to behave like a command).
         *
         * @param env the environment, e.g. {@code System.getenv()}
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            this.environment = Map.copyOf(env);
            return this;
        }

        /**
         * A folder merged over the ship (repeatable, in order); its {@code PREFIX/} goes to the package prefix.
         *
         * @param dir a folder laid over the ship, as sailor's {@code ships/...} folders
         * @return this builder
         */
        public Builder overlay(Path dir) {
            overlays.add(Objects.requireNonNull(dir, "overlay"));
            return this;
        }

        /**
         * A program (path or glob inside the sysroot) copied with its libraries besides {@code shipbins}.
         *
         * @param path a program path (or glob) inside the sysroot
         * @return this builder
         */
        public Builder extraBin(String path) {
            if (!Objects.requireNonNull(path, "path").startsWith("/")) {
                throw new IllegalArgumentException("extra program must be an absolute path: " + path);
            }
            extraBins.add(path);
            return this;
        }

        /**
         * Whether sailor's default binaries for the OS are copied when present (default true).
         *
         * @param on whether sailor's default binaries are added
         * @return this builder
         */
        public Builder defaultBins(boolean on) {
            this.defaultBins = on;
            return this;
        }

        /**
         * The MAKEDEV targets every ship gets (default {@link #DEFAULT_MAKEDEV_TARGETS}).
         *
         * @param targets MAKEDEV targets, e.g. {@code std}, {@code ld0}
         * @return this builder
         */
        public Builder makedevTargets(List<String> targets) {
            for (String t : targets) {
                if (t == null || t.isEmpty() || t.contains("/")) {
                    throw new IllegalArgumentException("bad MAKEDEV target: " + t);
                }
            }
            this.makedevTargets = List.copyOf(targets);
            return this;
        }

        /**
         * How the rc files are written.
         *
         * @param options how {@code /etc/rc}, fstab and rc.conf are generated
         * @return this builder
         */
        public Builder rcOptions(RcOptions options) {
            this.rcOptions = Objects.requireNonNull(options, "rcOptions");
            return this;
        }

        /**
         * How the image is written (size, block sizes, byte order, ...).
         *
         * @param options the image's sizing and ffs options
         * @return this builder
         */
        public Builder makefsOptions(MakefsOptions options) {
            this.makefsOptions = Objects.requireNonNull(options, "makefsOptions");
            return this;
        }

        /**
         * Free blocks and inodes added, in percent (makefs {@code -b N% -f N%}), when the makefs
         * options ask for no size and no free space ({@code -s -M -m -b -f}) and are not
         * {@code --compat}: the smallest image that holds a ship leaves no room for logs. 0 gives
         * the exact smallest image.
         *
         * @param percent 0 to 99 (default {@value ShipImageBuilder#DEFAULT_HEADROOM_PERCENT})
         * @return this builder
         * @throws IllegalArgumentException if {@code percent} is out of range
         */
        public Builder headroomPercent(int percent) {
            if (percent < 0 || percent > 99) {
                throw new IllegalArgumentException("headroom percent out of range 0..99: " + percent);
            }
            this.headroomPercent = percent;
            return this;
        }

        /**
         * Every time stamp of the image, in seconds since 1970 (default: the makefs options' {@code -T}, else {@code
         * SOURCE_DATE_EPOCH} from the environment, else now).
         *
         * @param seconds seconds since the epoch
         * @return this builder
         */
        public Builder timestamp(long seconds) {
            if (seconds < 0 || seconds > 0x7fffffffL) {
                throw new IllegalArgumentException("timestamp out of UFS1 range: " + seconds);
            }
            this.timestamp = OptionalLong.of(seconds);
            return this;
        }

        /**
         * Where progress goes (default nowhere).
         *
         * @param listener told of files resolved and bytes written
         * @return this builder
         */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "progress");
            return this;
        }

        /**
         * Where warnings go as they arise (they are also in the {@link Summary}).
         *
         * @param listener receives one line per warning
         * @return this builder
         */
        public Builder warnings(Consumer<String> listener) {
            this.warnings = Objects.requireNonNull(listener, "warnings");
            return this;
        }

        /**
         * {@return the builder, checked}
         *
         * @throws IllegalArgumentException without a conf or ship folder
         */
        public ShipImageBuilder build() {
            if (conf.isEmpty() && ship.isEmpty()) {
                throw new IllegalArgumentException("a conf or a ship folder is needed");
            }
            return new ShipImageBuilder(this);
        }
    }
}
