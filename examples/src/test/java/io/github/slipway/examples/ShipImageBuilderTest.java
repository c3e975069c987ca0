package io.github.slipway.examples;

import io.github.slipway.ffs.FfsChecker;
import io.github.slipway.ffs.FsckSummary;
import io.github.slipway.ffs.oracle.SleuthKit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slipway.examples.cli.Slipway;
import io.github.slipway.ffs.DeviceNumber;
import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.FfsImage;
import io.github.slipway.makedev.Arch;
import io.github.slipway.sailor.elf.OsRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end builds: the images are read back only by The Sleuth Kit; contents are compared with
 * the sources byte for byte, libraries with what {@code ldd} (Linux) or {@code readelf} plus
 * NetBSD's loader rules name, {@code /dev} with NetBSD's own {@code MAKEDEV -s} output.
 */
class ShipImageBuilderTest {
    private static final Path HOSTDEMO = Path.of("ships/hostdemo/hostdemo.conf");
    private static final Path FAKECRACKER = Path.of("ships/fakecracker/fakecracker.conf");
    private static final String T = "1600000000";

    @TempDir
    static Path shared;
    static Path netbsd;

    @TempDir
    Path tmp;

    record Result(int status, String out, String err) {
        /** stderr without the warning lines. */
        List<String> errors() {
            return err.lines().filter(l -> !l.startsWith("slipway: warning: ")).toList();
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Slipway.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void sysroot() throws IOException {
        netbsd = shared.resolve("netbsd");
        NetbsdSysroot.make(netbsd, shared.resolve("work"));
    }

    // ---- hostdemo: this machine's own binaries

    @Test
    void hostdemoAgainstThisMachineHoldsEveryShipbinAndEveryLibraryLddNames() throws Exception {
        Path image = tmp.resolve("hostdemo.img");
        Result r = run("build", "--root", "/", "--os", "linux", "-T", T, "-o", image.toString(), HOSTDEMO.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).as("no progress without a terminal").doesNotContain("\r");
        assertThat(r.out()).matches("(?s).*hostdemo\\.img: [0-9.]+ [KM]iB, \\d+ files \\(\\d+ libraries\\), \\d+ devices,"
                + " [0-9.]+ [KM]?i?B free, \\d+ free inodes\n");
        assertFsckClean(image);
        ImageView view = ImageView.of(image);

        List<String> shipbins = List.of("/bin/sh", "/bin/ls", "/bin/cat", "/usr/bin/printf", "/usr/bin/tail", "/bin/sleep");
        int libraries = 0;
        for (String bin : shipbins) {
            assertThat(view.content(bin)).as(bin).isEqualTo(Files.readAllBytes(Path.of(bin)));
            for (String lib : ldd(bin)) {
                assertThat(view.content(lib)).as(bin + " needs " + lib).isEqualTo(Files.readAllBytes(Path.of(lib)));
                libraries++;
            }
        }
        assertThat(libraries).as("ldd names libraries").isGreaterThan(shipbins.size());

        // NetBSD's own numbers (MAKEDEV -s of template 1.236, amd64), not the host's
        Map<String, SleuthKit.Entry> e = view.entries();
        assertDevice(e, "dev/console", EntryType.CHAR_DEVICE, 0, 0);
        assertDevice(e, "dev/null", EntryType.CHAR_DEVICE, 2, 2);
        assertDevice(e, "dev/ld0a", EntryType.BLOCK_DEVICE, 19, 0);
        assertMakedev(e, "amd64", List.of("std", "ld0", "tty00"));

        SleuthKit.Entry rc = e.get("etc/rc");
        assertThat(rc.type()).isEqualTo(EntryType.FILE);
        assertThat(rc.mode()).isEqualTo(0755);
        String rcText = new String(view.content("/etc/rc"), StandardCharsets.UTF_8);
        assertThat(rcText).startsWith("#!/bin/sh\n").contains("printf 'hostdemo is up\\n'", "ls -l /etc",
                "ifconfig 'eth0' '10.0.2.15/24' up");
        Path extracted = tmp.resolve("rc");
        Files.writeString(extracted, rcText);
        NetbsdSysroot.run(tmp, List.of("dash", "-n", extracted.toString()));
        // the rc's shell and the commands it starts the ship with are in the image
        assertThat(view.resolve("/bin/sh")).isPresent();
        assertThat(view.resolve("/usr/bin/hostname").map(SleuthKit.Entry::type)).contains(EntryType.FILE);
        assertThat(new String(view.content("/etc/fstab"), StandardCharsets.UTF_8)).contains("/dev/ld0a / ffs rw");

        // the skeleton sailor makes, owned by root/wheel, modes kept
        assertThat(e.get("tmp").mode()).isEqualTo(01777);
        assertThat(e.get("var/tmp").mode()).isEqualTo(01777);
        for (String d : List.of("etc/rc.d", "var/db/pkg", "var/db/pkgin", "var/log", "var/run")) {
            assertThat(e.get(d)).as(d).isNotNull();
            assertThat(e.get(d).type()).as(d).isEqualTo(EntryType.DIRECTORY);
        }
        for (SleuthKit.Entry x : e.values()) {
            if (!x.path().startsWith("dev/")) {
                assertThat(x.uid()).as(x.path()).isZero();
                assertThat(x.gid()).as(x.path()).isZero();
            }
            assertThat(x.mtime().getEpochSecond()).as(x.path()).isEqualTo(Long.parseLong(T));
        }
        assertThat(view.resolve("/bin/ls").orElseThrow().mode()).isEqualTo(
                (Integer) Files.getAttribute(Path.of("/usr/bin/ls"), "unix:mode") & 07777);
        assertThat(leftovers(tmp)).isEmpty();
    }

    /** What {@code ldd} prints for a program: every library path and the interpreter. */
    private static List<String> ldd(String program) throws IOException {
        String out = NetbsdSysroot.run(Path.of("/"), List.of("ldd", program));
        List<String> paths = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s+(?:\\S+ => )?(/\\S+) \\(0x[0-9a-f]+\\)$").matcher(out);
        while (m.find()) {
            paths.add(m.group(1));
        }
        if (paths.isEmpty()) {
            throw new IOException("ldd " + program + ": no library in `" + out + "'");
        }
        return paths;
    }

    private static void assertDevice(Map<String, SleuthKit.Entry> e, String path, EntryType type, int major, int minor) {
        SleuthKit.Entry x = e.get(path);
        assertThat(x).as(path).isNotNull();
        assertThat(x.type()).as(path).isEqualTo(type);
        assertThat(x.device()).as(path).contains(new DeviceNumber(major, minor));
    }

    /** Every entry of NetBSD's {@code MAKEDEV -s} for the targets is in the image, as MAKEDEV makes it. */
    private static void assertMakedev(Map<String, SleuthKit.Entry> e, String arch, List<String> targets)
            throws IOException {
        Pattern dev = Pattern.compile("^\\./(\\S+) type=(char|block|link|dir)(?: device=netbsd,(\\d+),(0x[0-9a-f]+|\\d+))?"
                + "(?: link=(\\S+))? mode=([0-7]+) gid=(\\d+) uid=(\\d+)$");
        int checked = 0;
        for (String t : targets) {
            String spec;
            try (InputStream in = ShipImageBuilderTest.class.getResourceAsStream("makedev/" + arch + "-" + t + ".spec")) {
                assertThat(in).as("reference spec " + arch + "-" + t).isNotNull();
                spec = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
            for (String line : spec.split("\n")) {
                if (line.equals(". type=dir optional")) {
                    continue;
                }
                Matcher m = dev.matcher(line);
                assertThat(m.matches()).as(line).isTrue();
                String path = "dev/" + m.group(1);
                SleuthKit.Entry x = e.get(path);
                assertThat(x).as(path).isNotNull();
                switch (m.group(2)) {
                    case "char", "block" -> {
                        assertThat(x.type()).as(path).isEqualTo(m.group(2).equals("char")
                                ? EntryType.CHAR_DEVICE : EntryType.BLOCK_DEVICE);
                        assertThat(x.device()).as(path).contains(new DeviceNumber(Integer.parseInt(m.group(3)),
                                Integer.decode(m.group(4))));
                    }
                    case "link" -> {
                        assertThat(x.type()).as(path).isEqualTo(EntryType.SYMLINK);
                        assertThat(x.linkTarget()).as(path).contains(m.group(5));
                    }
                    default -> assertThat(x.type()).as(path).isEqualTo(EntryType.DIRECTORY);
                }
                if (!m.group(2).equals("link")) {
                    assertThat(x.mode()).as(path).isEqualTo(Integer.parseInt(m.group(6), 8));
                }
                assertThat(x.gid()).as(path).isEqualTo(Long.parseLong(m.group(7)));
                assertThat(x.uid()).as(path).isEqualTo(Long.parseLong(m.group(8)));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    private static List<String> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp") || n.startsWith(".slipway-chroot-")).toList();
        }
    }

    // ---- fakecracker: a NetBSD ship from a NetBSD sysroot

    @Test
    void fakecrackerAgainstAFakeNetbsdSysrootPutsEveryFileWhereLdElfSoLooks() throws Exception {
        Path image = tmp.resolve("fakecracker.img");
        Result r = run("build", "--root", netbsd.toString(), "-a", "i386", "-T", T, "--set", "HOME=/home/sailor",
                "-o", image.toString(), FAKECRACKER.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("slipway: warning: ships/fakecracker/fakecracker.conf:4:1: packages: nginx not installed")
                .contains("slipway: warning: MAKEDEV: satlink0: unknown device");
        assertThat(r.errors()).isEmpty();
        assertFsckClean(image);
        ImageView view = ImageView.of(image);
        Path extract = tmp.resolve("x");
        Files.createDirectories(extract);
        int objects = 0;
        List<String> todo = new ArrayList<>(NetbsdSysroot.PROGRAMS.subList(0, 10)); // the conf's shipbins
        List<String> seen = new ArrayList<>();
        while (!todo.isEmpty()) {
            String path = todo.remove(0);
            if (seen.contains(path)) {
                continue;
            }
            seen.add(path);
            byte[] inImage = view.content(path);
            // the host follows the absolute link /usr/libexec/ld.elf_so outside the sysroot: map it
            String real = path.equals("/usr/libexec/ld.elf_so") ? "libexec/ld.elf_so" : path.substring(1);
            assertThat(inImage).as(path).isEqualTo(Files.readAllBytes(netbsd.resolve(real)));
            Path f = extract.resolve("o" + objects++);
            Files.write(f, inImage);
            Map<String, List<String>> elf = NetbsdSysroot.readelf(f);
            // ld.elf_so: DT_RPATH dirs, then /usr/lib (no ld.so.conf in this sysroot)
            assertThat(elf.get("rpath")).as(path).isEmpty();
            todo.addAll(elf.get("interp"));
            for (String needed : elf.get("needed")) {
                todo.add("/usr/lib/" + needed);
            }
        }
        assertThat(seen).contains("/usr/libexec/ld.elf_so", "/usr/lib/libc.so.12", "/usr/lib/libutil.so.7");
        Map<String, SleuthKit.Entry> e = view.entries();
        // the sysroot's link chains were copied, not flattened
        assertThat(e.get("usr/lib/libc.so.12").linkTarget()).contains("../../lib/libc.so.12");
        assertThat(e.get("lib/libc.so.12").linkTarget()).contains("libc.so.12.220");
        assertThat(e.get("usr/libexec/ld.elf_so").linkTarget()).contains("/libexec/ld.elf_so");
        // the rc's own commands came along
        for (String p : List.of("/bin/hostname", "/bin/sleep")) {
            assertThat(view.content(p)).as(p).isEqualTo(Files.readAllBytes(netbsd.resolve(p.substring(1))));
        }
        // run_at_build="cd /dev && sh MAKEDEV all_md" honoured through makedev (i386 numbers)
        assertMakedev(e, "i386", List.of("std", "ld0", "tty00", "all_md"));
        assertDevice(e, "dev/ld0a", EntryType.BLOCK_DEVICE, 19, 0);
        assertThat(new String(view.content("/etc/rc"), StandardCharsets.UTF_8))
                .contains("ifconfig 'vioif0' '192.168.2.101/24' up");
        assertThat(view.content("/etc/localtime")).isEqualTo("TZif2 GMT".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theSameConfBuiltTwiceGivesTheSameBytes() throws Exception {
        Path a = tmp.resolve("a.img");
        Path b = tmp.resolve("b.img");
        for (Path p : List.of(a, b)) {
            Result r = run("build", "--root", netbsd.toString(), "-a", "i386", "-T", T, "-o", p.toString(),
                    FAKECRACKER.toString());
            assertThat(r.status()).as(r.err()).isZero();
        }
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
        // the API with SOURCE_DATE_EPOCH gives the same image as the command with -T
        Path c = tmp.resolve("c.img");
        ShipImageBuilder.Summary s = ShipImageBuilder.builder().conf(FAKECRACKER).sysroot(netbsd).os(OsRules.AUTO).arch(Arch.I386)
                .environment(Map.of("SOURCE_DATE_EPOCH", T, "HOME", System.getenv().getOrDefault("HOME", "/")))
                .build().build(c);
        assertThat(Files.mismatch(a, c)).isEqualTo(-1L);
        // the summary's free space is what fsck counts in the cylinder group maps
        Result fsck = run("fsck", "-n", c.toString());
        Matcher m = Pattern.compile("(?m)^\\d+ files, \\d+ used, (\\d+) free ").matcher(fsck.out());
        assertThat(m.find()).as(fsck.out()).isTrue();
        try (FfsImage img = FfsImage.open(c)) {
            assertThat(s.freeBytes()).isEqualTo(Long.parseLong(m.group(1)) * img.fragmentSize());
        }
        assertThat(s.imageSize()).isEqualTo(Files.size(c));
        assertThat(s.devices()).isEqualTo((int) ImageView.of(c).entries().values().stream()
                .filter(x -> x.type().isDevice()).count());
    }

    /** {@code slipway fsck} (fsck_ffs phases 1-5) finds nothing. */
    private static void assertFsckClean(Path image) {
        Result r = run("fsck", "-n", image.toString());
        assertThat(r.status()).as(r.out() + r.err()).isZero();
    }

    @Test
    void syncDirsAndOverlaysMergeLikeRsyncWithPrefixMapped() throws Exception {
        Path root = tmp.resolve("root");
        copyTree(netbsd, root);
        Files.createDirectories(root.resolve("srv/www/img"));
        Files.writeString(root.resolve("srv/www/index.html"), "<h1>hi</h1>\n");
        Files.writeString(root.resolve("srv/www/img/logo"), "png");
        Path common = tmp.resolve("common");
        Path mine = tmp.resolve("mine");
        Files.createDirectories(common.resolve("etc"));
        Files.createDirectories(common.resolve("PREFIX/etc/nginx"));
        Files.createDirectories(mine.resolve("etc"));
        Files.createDirectories(mine.resolve("var/db/www"));
        Files.writeString(common.resolve("etc/motd"), "common\n");
        Files.writeString(common.resolve("etc/resolv.conf"), "nameserver 192.168.2.1\n");
        Files.writeString(common.resolve("PREFIX/etc/nginx/nginx.conf"), "worker_processes 1;\n");
        Files.setPosixFilePermissions(common.resolve("PREFIX/etc/nginx/nginx.conf"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Files.writeString(mine.resolve("etc/motd"), "mine\n");
        Files.writeString(mine.resolve("etc/master.passwd"),
                "root:*:0:0::0:0:Charlie &:/root:/bin/sh\nwww:*:80:80::0:0:web:/var/db/www:/sbin/nologin\n");
        Files.writeString(mine.resolve("etc/group"), "wheel:*:0:root\nwww:*:80:\n");
        Files.setAttribute(mine.resolve("etc/motd"), "unix:uid", 4321);
        Path conf = tmp.resolve("web.conf");
        Files.writeString(conf, "shipname=web\nshippath=/s\nshipbins=/bin/sh\nsync_dirs=\"/srv/www\"\n");
        Path image = tmp.resolve("web.img");
        Result r = run("build", "--root", root.toString(), "-T", T, "--overlay", common.toString(), "--overlay",
                mine.toString(), "--set", "prefix=/usr/pkg", "-o", image.toString(), conf.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertFsckClean(image);
        ImageView view = ImageView.of(image);
        Map<String, SleuthKit.Entry> e = view.entries();
        assertThat(view.content("/srv/www/index.html")).isEqualTo("<h1>hi</h1>\n".getBytes(StandardCharsets.UTF_8));
        assertThat(view.content("/srv/www/img/logo")).isEqualTo("png".getBytes(StandardCharsets.UTF_8));
        assertThat(view.content("/etc/motd")).isEqualTo("mine\n".getBytes(StandardCharsets.UTF_8));
        assertThat(view.content("/etc/resolv.conf")).isEqualTo("nameserver 192.168.2.1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(view.content("/usr/pkg/etc/nginx/nginx.conf")).isEqualTo("worker_processes 1;\n".getBytes(
                StandardCharsets.UTF_8));
        assertThat(e.get("usr/pkg/etc/nginx/nginx.conf").mode()).isEqualTo(0640);
        assertThat(e).doesNotContainKey("PREFIX");
        assertThat(e.get("etc/motd").uid()).isZero();
        assertThat(e.get("var/db/www").uid()).isEqualTo(80);
        assertThat(e.get("var/db/www").gid()).isEqualTo(80);
        assertThat(e.get("etc/master.passwd").mode()).isEqualTo(0600);
        assertThat(e.get("etc/rc").mode()).isEqualTo(0755);
    }

    @Test
    void buildLeavesTenPercentHeadroomUnlessASizeOptionIsGiven() throws Exception {
        Path roomy = tmp.resolve("roomy.img");
        Path exact = tmp.resolve("exact.img");
        Result r = run("build", "--root", "/", "--os", "linux", "-T", T, "-o", roomy.toString(), HOSTDEMO.toString());
        assertThat(r.status()).as(r.err()).isZero();
        r = run("build", "--root", "/", "--os", "linux", "-T", T, "-b", "0", "-f", "0", "-o", exact.toString(),
                HOSTDEMO.toString());
        assertThat(r.status()).as(r.err()).isZero();
        try (FfsImage a = FfsImage.open(roomy); FfsImage b = FfsImage.open(exact)) {
            FsckSummary withRoom = FfsChecker.check(a).summary();
            FsckSummary minimal = FfsChecker.check(b).summary();
            assertThat(withRoom.used()).isEqualTo(minimal.used());
            // -b 10% as makefs counts it: a tenth of the data, in free fragments
            assertThat(withRoom.free()).isGreaterThanOrEqualTo(minimal.used() / 10 - 8);
            assertThat(minimal.free()).isLessThan(withRoom.free() / 4);
        }
    }

    @Test
    void runAtBuildCommandsRunInAChrootOfTheShipWhenAsked() throws Exception {
        Path conf = tmp.resolve("built.conf");
        Files.writeString(conf, String.join("\n", "shipname=built", "shippath=/s",
                "shipbins=\"/bin/sh /bin/mkdir /bin/rm /bin/cat /bin/ls\"",
                "run_at_build=\"mkdir -p /srv && ls /usr/bin > /srv/bins\"",
                "run_at_build=\"rm /usr/bin/cat\"",
                "run_at_build=\"cd /dev && sh MAKEDEV ld1\"", ""));
        Path image = tmp.resolve("built.img");
        Result r = run("build", "--root", "/", "--os", "linux", "--no-default-bins", "--run-build-commands", "-T", T,
                "-o", image.toString(), conf.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertFsckClean(image);
        ImageView view = ImageView.of(image);
        String bins = new String(view.content("/srv/bins"), StandardCharsets.UTF_8);
        assertThat(bins.lines().toList()).contains("cat", "ls", "mkdir", "rm");
        assertThat(view.resolve("/usr/bin/cat")).isEmpty();
        assertThat(view.resolve("/usr/bin/ls")).isPresent();
        assertDevice(view.entries(), "dev/ld1a", EntryType.BLOCK_DEVICE, 19, 16);
        assertThat(view.entries().get("srv/bins").uid()).isZero();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".slipway-chroot-"));
        }

        // a failing or endless command stops the build, naming its line
        Files.writeString(conf, "shipname=b\nshippath=/s\nshipbins=/bin/sh\nrun_at_build=\"echo no >&2; exit 3\"\n");
        assertFailsCleanly(run("build", "--root", "/", "--os", "linux", "--no-default-bins", "--run-build-commands",
                "-o", image.toString() + "2", conf.toString()), Path.of(image + "2"),
                conf + ":4:1: run_at_build exited 3: echo no >&2; exit 3 (output: no)");
        Files.writeString(conf, "shipname=b\nshippath=/s\nshipbins=\"/bin/sh /bin/sleep\"\nrun_at_build=\"sleep 30\"\n");
        assertFailsCleanly(run("build", "--root", "/", "--os", "linux", "--no-default-bins", "--run-build-commands",
                "--build-timeout", "1", "-o", image.toString() + "3", conf.toString()), Path.of(image + "3"),
                conf + ":4:1: run_at_build timed out after 1 s: sleep 30");
        // a NetBSD ship cannot run them here
        assertFailsCleanly(run("build", "--root", netbsd.toString(), "--run-build-commands", "-o", image + "4",
                FAKECRACKER.toString()), Path.of(image + "4"), "run only on a Linux host, as root, for a Linux ship");
    }

    // ---- --from-ship

    @Test
    void fromShipAddsDevicesOwnersAndTimesThatCopyingLost() throws Exception {
        Path ship = tmp.resolve("nginx-ship");
        for (String d : List.of("bin", "etc", "dev", "var/db/nginx", "usr/pkg/sbin")) {
            Files.createDirectories(ship.resolve(d));
        }
        Files.copy(netbsd.resolve("bin/sh"), ship.resolve("bin/sh"));
        Files.copy(netbsd.resolve("bin/ls"), ship.resolve("usr/pkg/sbin/nginx"));
        Files.writeString(ship.resolve("dev/null"), ""); // what a copy by a non-root user leaves
        Files.writeString(ship.resolve("etc/master.passwd"),
                "root:*:0:0::0:0:Charlie &:/root:/bin/sh\nnginx:*:99:98::0:0:nginx:/var/db/nginx:/sbin/nologin\n");
        Files.writeString(ship.resolve("etc/group"), "wheel:*:0:root\nnginx:*:98:\n");
        Files.writeString(ship.resolve("var/db/nginx/state"), "x");
        Files.setAttribute(ship.resolve("bin/sh"), "unix:uid", 1234);
        Path image = tmp.resolve("nginx.img");
        Result r = run("build", "--from-ship", ship.toString(), "-T", T, "-o", image.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertFsckClean(image);
        ImageView view = ImageView.of(image);
        Map<String, SleuthKit.Entry> e = view.entries();
        assertDevice(e, "dev/null", EntryType.CHAR_DEVICE, 2, 2);
        assertDevice(e, "dev/console", EntryType.CHAR_DEVICE, 0, 0);
        assertMakedev(e, "amd64", List.of("std", "ld0", "tty00"));
        assertThat(e.get("bin/sh").uid()).isZero();
        assertThat(view.content("/bin/sh")).isEqualTo(Files.readAllBytes(ship.resolve("bin/sh")));
        assertThat(view.content("/usr/pkg/sbin/nginx")).isEqualTo(Files.readAllBytes(ship.resolve("usr/pkg/sbin/nginx")));
        assertThat(e.get("var/db/nginx").uid()).isEqualTo(99);
        assertThat(e.get("var/db/nginx").gid()).isEqualTo(98);
        assertThat(e.get("var/db/nginx/state").uid()).isZero();
        assertThat(e.get("etc/master.passwd").mode()).isEqualTo(0600);
        assertThat(e.get("tmp").mode()).isEqualTo(01777);
        assertThat(e).doesNotContainKey("etc/rc"); // no conf: the ship's own rc (here none)

        // with a conf, the rc files come from it
        Path conf = tmp.resolve("nginx.conf");
        Files.writeString(conf, "shipname=nginx\nshippath=/ships/nginx\nservices=nginx\n");
        Path image2 = tmp.resolve("nginx2.img");
        r = run("build", "--from-ship", ship.toString(), "-T", T, "--service", "nginx=/usr/pkg/sbin/nginx",
                "-o", image2.toString(), conf.toString());
        assertThat(r.status()).as(r.err()).isZero();
        ImageView view2 = ImageView.of(image2);
        assertThat(new String(view2.content("/etc/rc"), StandardCharsets.UTF_8)).contains("'/usr/pkg/sbin/nginx'");
        assertThat(new String(view2.content("/etc/rc.conf"), StandardCharsets.UTF_8)).contains("nginx=YES");
    }

    // ---- bad input: one line, exit 1, no image

    private void assertFailsCleanly(Result r, Path image, String... parts) throws IOException {
        assertThat(r.status()).as(r.err()).isEqualTo(Slipway.EXIT_BAD_INPUT);
        assertThat(r.errors()).as(r.err()).hasSize(1);
        assertThat(r.errors().get(0)).startsWith("slipway: ").contains(parts);
        assertThat(image).doesNotExist();
        assertThat(leftovers(image.getParent())).isEmpty();
    }

    @Test
    void aMissingShipbinNamesItsConfLine() throws Exception {
        Path conf = tmp.resolve("bad.conf");
        Files.writeString(conf, "shipname=bad\nshippath=/s\n\nshipbins=\"/bin/sh /usr/bin/nope\"\n");
        Path image = tmp.resolve("bad.img");
        assertFailsCleanly(run("build", "--root", netbsd.toString(), "-o", image.toString(), conf.toString()), image,
                conf + ":4:1: shipbins: /usr/bin/nope: no such file or directory");
    }

    @Test
    void aMissingLibraryNamesTheChain() throws Exception {
        Path root = tmp.resolve("root");
        copyTree(netbsd, root);
        Files.delete(root.resolve("usr/lib/libutil.so.7.24"));
        Path image = tmp.resolve("nc.img");
        assertFailsCleanly(run("build", "--root", root.toString(), "-o", image.toString(), FAKECRACKER.toString()),
                image, "shipbins: /usr/bin/nc -> libutil.so.7: not found in /usr/lib");
    }

    @Test
    void aConfErrorIsOneLineWithItsPosition() throws Exception {
        Path conf = tmp.resolve("quote.conf");
        Files.writeString(conf, "shipname=q\nshipbins=\"/bin/sh\n");
        Path image = tmp.resolve("q.img");
        Result r = run("build", "--root", netbsd.toString(), "-o", image.toString(), conf.toString());
        assertFailsCleanly(r, image, conf + ":2:");
    }

    @Test
    void anImageThatCannotFitMaxSizeLeavesTheOldImageAlone() throws Exception {
        Path image = tmp.resolve("small.img");
        Files.writeString(image, "an older image");
        Result r = run("build", "--root", netbsd.toString(), "-m", "64k", "-o", image.toString(), FAKECRACKER.toString());
        assertThat(r.status()).as(r.err()).isEqualTo(Slipway.EXIT_BAD_INPUT);
        assertThat(r.errors()).as(r.err()).hasSize(1);
        assertThat(r.errors().get(0)).startsWith("slipway: ").contains("small.img");
        assertThat(Files.readString(image)).isEqualTo("an older image");
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void aSysrootFileThatCannotBeReadWhenWrittenNamesItAndLeavesNoImage() throws Exception {
        Path root = tmp.resolve("root");
        copyTree(netbsd, root);
        Path lib = root.resolve("usr/lib/libutil.so.7.24");
        Path image = tmp.resolve("gone.img");
        // the file disappears between staging and writing: the writer is the one to find out
        ShipImageBuilder builder = ShipImageBuilder.builder().conf(FAKECRACKER).sysroot(root).timestamp(1)
                .progress((stage, done, total) -> {
                    if (stage == ShipImageBuilder.Stage.WRITING && done == 0) {
                        try {
                            Files.deleteIfExists(lib);
                        } catch (IOException x) {
                            throw new java.io.UncheckedIOException(x);
                        }
                    }
                }).build();
        IOException thrown = null;
        try {
            builder.build(image);
        } catch (IOException x) {
            thrown = x;
        }
        assertThat(thrown).isNotNull();
        assertThat(thrown.getMessage()).contains(lib.toString()).doesNotContain("\n");
        assertThat(image).doesNotExist();
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void aSysrootFileThatCannotBeStatedIsOneLine() throws Exception {
        Path root = tmp.resolve("root");
        copyTree(netbsd, root);
        // a shipbin that is a link to nowhere inside the sysroot
        Files.delete(root.resolve("usr/bin/tail"));
        Files.createSymbolicLink(root.resolve("usr/bin/tail"), Path.of("/usr/bin/tail.real"));
        Path image = tmp.resolve("tail.img");
        assertFailsCleanly(run("build", "--root", root.toString(), "-o", image.toString(), FAKECRACKER.toString()),
                image, "shipbins: /usr/bin/tail");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(t, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Test
    void runAtBuildLinesAreReadNotRun() {
        assertThat(io.github.slipway.examples.internal.BuildCommands.parse("cd /dev && sh MAKEDEV all_md").makedevTargets())
                .containsExactly("all_md");
        assertThat(io.github.slipway.examples.internal.BuildCommands.parse("/etc/MAKEDEV -M -m /sbin/mknod std ld1")
                .makedevTargets()).containsExactly("std", "ld1");
        var p = io.github.slipway.examples.internal.BuildCommands.parse("npm install pm2 -g");
        assertThat(p.makedevTargets()).isEmpty();
        assertThat(p.notRun()).containsExactly("npm install pm2 -g");
        assertThat(io.github.slipway.examples.internal.BuildCommands.parse("sh MAKEDEV $(cat list)").notRun())
                .containsExactly("sh MAKEDEV $(cat list)");
    }
}
