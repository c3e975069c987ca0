package io.github.slipway.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a shell user sees when a command line or an input is wrong: one line
 * {@code slipway: <where>: <what>} on stderr, exit 1 for bad input and 2 for usage, no trace, no output file.
 */
class ShellUserErrorsTest {
    private static final String[] SUBCOMMANDS = {"conf", "lint", "rc", "deps", "makedev", "fsck", "ls", "cat",
        "mtree", "build"};

    @TempDir
    static Path tmp;
    static Path image;
    static Path conf;

    @BeforeAll
    static void fixtures() throws Exception {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("etc"));
        Files.writeString(tree.resolve("etc/motd"), "hello\n");
        image = tmp.resolve("small.img");
        ImageCommandsTest.run("/usr/sbin/makefs", "-t", "ffs", "-o", "version=1", "-s", "1m", image.toString(),
                tree.toString());
        conf = tmp.resolve("ship.conf");
        Files.writeString(conf, "shipname=ship\nshippath=/ships/ship\nshipbins=\"/bin/sh\"\n");
    }

    /** The whole of stderr is one line, without a Java trace. */
    private static void oneLine(SlipwayTest.Result r, int status, String expected) {
        assertThat(r.status()).as(r.err()).isEqualTo(status);
        assertThat(r.err()).isEqualTo(expected + "\n");
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"conf", "lint", "rc", "deps", "makedev", "fsck", "ls", "cat", "mtree", "build"})
    void missingArgumentsOrUnknownOptionsAreOneUsageLineNamingTheSubcommand(String sub) {
        SlipwayTest.Result r = SlipwayTest.run(sub, "--no-such-option", "x");
        assertThat(r.status()).as(r.err()).isEqualTo(Slipway.EXIT_USAGE);
        // picocli may take an unknown option for a missing positional instead; either way one usage line
        assertThat(r.err()).startsWith("slipway: " + sub + ": ").endsWith(" (try 'slipway " + sub + " --help')\n")
                .hasLineCount(1).doesNotContain("\tat ");
        if (!sub.equals("build")) { // build needs a CONF or --from-ship, checked after parsing
            SlipwayTest.Result none = SlipwayTest.run(sub);
            assertThat(none.status()).isEqualTo(Slipway.EXIT_USAGE);
            assertThat(none.err()).startsWith("slipway: " + sub + ": Missing required parameter")
                    .endsWith(" (try 'slipway " + sub + " --help')\n").hasLineCount(1);
        }
    }

    @Test
    void everySubcommandHasHelpOnStdout() {
        for (String sub : SUBCOMMANDS) {
            SlipwayTest.Result r = SlipwayTest.run(sub, "--help");
            assertThat(r.status()).as(sub).isZero();
            assertThat(r.out()).as(sub).startsWith("Usage: slipway " + sub);
            assertThat(r.err()).as(sub).isEmpty();
        }
    }

    @Test
    void everySubcommandPrintsTheVersion() {
        for (String sub : SUBCOMMANDS) {
            SlipwayTest.Result r = SlipwayTest.run(sub, "--version");
            assertThat(r.status()).as(sub).isZero();
            assertThat(r.out()).as(sub).startsWith("slipway ").hasLineCount(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bsize=3", "fsize=3", "bsize=0", "fsize=-1024"})
    void blockAndFragmentSizesThatAreNoPowerOfTwoAreUsageErrorsNotATrace(String option) {
        String k = option.substring(0, option.indexOf('='));
        String v = option.substring(option.indexOf('=') + 1);
        oneLine(SlipwayTest.run("build", "-o", option, "-o", tmp.resolve("never.img").toString(), conf.toString()), 2,
                "slipway: build: -o " + k + ": must be a power of 2, not " + v + " (try 'slipway build --help')");
        assertThat(tmp.resolve("never.img")).doesNotExist();
    }

    @Test
    void aBuildTimeoutThatIsNotPositiveNamesTheOptionInSeconds() {
        oneLine(SlipwayTest.run("build", "--build-timeout", "-1", conf.toString()), 2,
                "slipway: build: --build-timeout: must be a positive number of seconds, not -1"
                        + " (try 'slipway build --help')");
    }

    @Test
    void noSubcommandIsOneLine() {
        oneLine(SlipwayTest.run(), Slipway.EXIT_USAGE, "slipway: missing subcommand (try 'slipway --help')");
    }

    @Test
    void lsWithoutArgumentsAsksOnlyForTheImage() {
        SlipwayTest.Result r = SlipwayTest.run("ls");
        oneLine(r, Slipway.EXIT_USAGE, "slipway: ls: Missing required parameter: 'IMAGE' (try 'slipway ls --help')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ls", "mtree", "cat", "fsck"})
    void aDirectoryGivenAsImageIsNamedAsSuch(String sub) {
        Path dir = tmp.resolve("tree");
        SlipwayTest.Result r = sub.equals("cat") ? SlipwayTest.run(sub, dir.toString(), "/etc/motd")
                : SlipwayTest.run(sub, dir.toString());
        // fsck's "** IMAGE" header is on stdout; its exit status for an unusable image is 2
        oneLine(r, sub.equals("fsck") ? 2 : 1, "slipway: " + dir + ": is a directory, not an image");
    }

    @Test
    void catOfAMissingImageNamesTheImageNotAPathInsideIt() {
        Path missing = tmp.resolve("missing.img");
        oneLine(SlipwayTest.run("cat", missing.toString(), "/etc/motd"), 1,
                "slipway: " + missing + ": no such file or directory");
    }

    @Test
    void catOfADirectoryInsideTheImageNamesImageAndPath() {
        oneLine(SlipwayTest.run("cat", image.toString(), "/etc"), 1, "slipway: " + image + ":/etc: not a regular file");
        oneLine(SlipwayTest.run("cat", image.toString(), "/nope"), 1,
                "slipway: " + image + ":/nope: no such file or directory");
    }

    @Test
    void aFileUsedAsADirectoryInsideTheImageSaysSoAndNamesTheImage() {
        oneLine(SlipwayTest.run("cat", image.toString(), "/etc/motd/x"), 1,
                "slipway: " + image + ":/etc/motd/x: not a directory");
        oneLine(SlipwayTest.run("ls", "-l", image.toString(), "/etc/motd/x"), 1,
                "slipway: " + image + ":/etc/motd/x: not a directory");
        oneLine(SlipwayTest.run("ls", image.toString(), "/nope"), 1,
                "slipway: " + image + ":/nope: no such file or directory");
    }

    @Test
    void anEmptyFileForDepsIsAUsageErrorNotTheWorkingDirectory() {
        oneLine(SlipwayTest.run("deps", ""), 2, "slipway: deps: FILE: an empty path (try 'slipway deps --help')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"conf", "lint", "rc"})
    void aRootThatIsNotADirectoryIsBadInput(String sub) {
        Path nowhere = tmp.resolve("no-such-root");
        oneLine(SlipwayTest.run(sub, "--root", nowhere.toString(), conf.toString()), 1,
                "slipway: " + nowhere + ": not a directory (--root)");
        oneLine(SlipwayTest.run(sub, "--include-root", conf.toString(), conf.toString()), 1,
                "slipway: " + conf + ": not a directory (--include-root)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"conf", "lint", "rc", "build"})
    void confsThatCannotBeReadAreOneLineWithPosition(String sub) throws IOException {
        Path garbage = tmp.resolve(sub + "-garbage.conf");
        Files.write(garbage, new byte[] {'a', '=', 'b', 0, (byte) 0xff, '\n'});
        Path out = tmp.resolve(sub + "-garbage.img");
        String[] args = sub.equals("build") ? new String[] {sub, "-o", out.toString(), garbage.toString()}
                : new String[] {sub, garbage.toString()};
        SlipwayTest.Result r = SlipwayTest.run(args);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("slipway: " + garbage + ":1:4: NUL byte").hasLineCount(1);
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();

        Path dir = tmp.resolve("tree");
        args[args.length - 1] = dir.toString();
        SlipwayTest.Result d = SlipwayTest.run(args);
        assertThat(d.status()).isEqualTo(1);
        assertThat(d.err()).startsWith("slipway: " + dir).contains("not a regular file").hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void buildIntoADirectoryFailsBeforeStagingAndNamesTheDirectory() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("image-dir"));
        oneLine(SlipwayTest.run("build", "--root", "/", "-o", dir.toString(), conf.toString()), 1,
                "slipway: " + dir + ": is a directory, not an image file");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
        Path nofolder = tmp.resolve("no-folder/x.img");
        oneLine(SlipwayTest.run("build", "--root", "/", "-o", nofolder.toString(), conf.toString()), 1,
                "slipway: " + nofolder + ": folder " + nofolder.getParent() + " does not exist");
    }

    @Test
    void buildNeverWritesItsImageOverItsOwnConf() throws IOException {
        String before = Files.readString(conf);
        oneLine(SlipwayTest.run("build", "--root", "/", "-o", conf.toString(), conf.toString()), 1,
                "slipway: " + conf + ": is the conf being built; choose another image name");
        assertThat(Files.readString(conf)).isEqualTo(before);
    }

    @Test
    void buildRcOptionErrorsNameTheCommandLineOption() {
        oneLine(SlipwayTest.run("build", "--default-route", "10.0.0.1;reboot", conf.toString()), 2,
                "slipway: build: --default-route: '10.0.0.1;reboot' is not an IPv4 or IPv6 address"
                        + " (try 'slipway build --help')");
        oneLine(SlipwayTest.run("rc", "--root-device", "ld0a", conf.toString()), 2,
                "slipway: rc: --root-device: 'ld0a' is not an absolute path (try 'slipway rc --help')");
    }

    @Test
    void makedevOutputErrorsLeaveNoFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("spec-dir"));
        oneLine(SlipwayTest.run("makedev", "-o", dir.toString(), "std"), 1,
                "slipway: " + dir + ": is a directory (-o wants a file)");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
        Path nofolder = tmp.resolve("no-folder/dev.spec");
        oneLine(SlipwayTest.run("makedev", "-o", nofolder.toString(), "std"), 1,
                "slipway: " + nofolder + ": folder " + nofolder.getParent() + " does not exist");
        Path spec = tmp.resolve("dev.spec");
        oneLine(SlipwayTest.run("makedev", "-d", "../up", "-o", spec.toString(), "std"), 2,
                "slipway: makedev: -d: bad directory '../up' (want a relative path like dev)"
                        + " (try 'slipway makedev --help')");
        assertThat(spec).doesNotExist();
    }

    @Test
    void makedevSpecFilesAreReadableLikeAnyOtherOutputAndKeepAReplacedFilesMode() throws IOException {
        Path spec = tmp.resolve("fresh.spec");
        assertThat(SlipwayTest.run("makedev", "-o", spec.toString(), "std").status()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spec))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(spec, PosixFilePermissions.fromString("rw-rw----"));
        assertThat(SlipwayTest.run("makedev", "-o", spec.toString(), "ld0").status()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spec))).isEqualTo("rw-rw----");
        assertThat(Files.readString(spec)).contains("./dev/ld0a");
    }

    @Test
    void aFailedWriteToStandardOutputIsOneLineAndStatusOneButABrokenPipeIsSilent() {
        for (String why : new String[] {"No space left on device", "Broken pipe"}) {
            Slipway.CheckedOutput stdout = new Slipway.CheckedOutput(new java.io.OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException(why);
                }
            });
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream errStream = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
            int status = Slipway.run(new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8),
                    errStream, "makedev", "-s", "std");
            assertThat(status).isZero(); // the command itself does not notice: PrintWriter swallows it
            status = Slipway.outputFailure(status, stdout, errStream);
            if (why.equals("Broken pipe")) {
                assertThat(status).isZero();
                assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
            } else {
                assertThat(status).isEqualTo(1);
                assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo("slipway: standard output: no space left on device\n");
            }
        }
    }

    @Test
    void depsNamesTheSysrootOfAMissingFile() {
        oneLine(SlipwayTest.run("deps", "--root", tmp.toString(), "/bin/no-such-program"), 1,
                "slipway: /bin/no-such-program: no such file or directory in sysroot " + tmp);
    }
}
