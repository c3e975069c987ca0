package io.github.slipway.sailor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Includes, resolvers and the linter; plain shell semantics are covered by the dash differential test. */
class ConfReaderTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static List<String> commands(ShipConfig s, Phase p) {
        return s.runAt(p).stream().map(RunCommand::command).collect(Collectors.toList());
    }

    private static List<String> lint(ConfReader r, Path conf) throws IOException {
        return r.lint(conf).stream().map(ConfWarning::toString).collect(Collectors.toList());
    }

    @Test
    void includesAbsoluteInsideTheRootRelativeNextToTheIncluder() throws IOException {
        Path root = tmp.resolve("host");
        write("host/etc/sailor/common.vars", "shipbins=\"/bin/sh /sbin/init\"\n. ../../lib/more.vars\n");
        write("host/lib/more.vars", "packages=nginx\n");
        Path conf = write("ships/web.conf", "shipname=web\n. /etc/sailor/common.vars\n"
                + "shipbins=\"$shipbins /bin/ksh\"\nsource ./local.vars\n");
        write("ships/local.vars", "services=nginx\n");
        ShipConfig s = ConfReader.builder().includeRoot(root).build().read(conf);
        assertThat(s.shipbins()).containsExactly("/bin/sh", "/sbin/init", "/bin/ksh");
        assertThat(s.packages()).containsExactly("nginx");
        assertThat(s.services()).containsExactly("nginx");
        assertThat(s.value("packages").get().position()).hasToString(root.resolve("lib/more.vars") + ":1:1");
        assertThat(s.value("shipbins").get().position()).hasToString(conf + ":3:1");
    }

    @Test
    void runAtLinesOfIncludesAreNotRunButLinted() throws IOException {
        write("common.vars", "run_at_build=\"echo from include\"\n");
        Path conf = write("a.conf", "shipname=a\nshippath=/s/a\n. ./common.vars\nrun_at_start=\"$run_at_build\"\n");
        ConfReader r = ConfReader.builder().build();
        ShipConfig s = r.read(conf);
        assertThat(commands(s, Phase.BUILD)).isEmpty();
        assertThat(s.get("run_at_build")).contains("echo from include"); // sourcing does set it
        assertThat(commands(s, Phase.START)).containsExactly("echo from include");
        assertThat(lint(r, conf)).contains(tmp.resolve("common.vars") + ":1: warning: run_at_build in an included"
                + " file: sailor greps only the top-level conf for run_at_ lines, so this command never runs");
    }

    @Test
    void aLineThatGrepMatchesButAssignsAnotherKeyRunsTheCurrentValueAgain() throws IOException {
        Path conf = write("a.conf", "shipname=a\nshippath=/s/a\nrun_at_start=\"one\"\nrun_at_startup=\"x\"\n");
        ConfReader r = ConfReader.builder().build();
        assertThat(commands(r.read(conf), Phase.START)).containsExactly("one", "one");
        assertThat(lint(r, conf)).contains(conf + ":4: warning: this line starts with run_at_start but does not"
                + " assign it: sailor runs run_at_start's current value again");
    }

    @Test
    void runAtValuesSeeTheStateAfterTheWholeConf() throws IOException {
        // sailor evaluates run_at lines after sourcing: $pkg is the last value, not the one above
        Path conf = write("a.conf", "pkg=one\nrun_at_build=\"install $pkg\"\npkg=two\n");
        ShipConfig s = ConfReader.builder().build().read(conf);
        assertThat(s.get("run_at_build")).contains("install one");
        assertThat(commands(s, Phase.BUILD)).containsExactly("install two");
    }

    @Test
    void readJoinsABackslashEndedLineWithTheNextMatchedLine() throws IOException {
        Path conf = write("a.conf", "run_at_build=\"echo one \\\n  two\"\nx=1\nrun_at_build='echo three'\n");
        ConfException e = org.junit.jupiter.api.Assertions.assertThrows(ConfException.class,
                () -> ConfReader.builder().build().read(conf));
        assertThat(e.getMessage()).startsWith(conf + ":1:").contains("run_at_build line fail: unterminated double quote")
                .contains("it evaluates: run_at_build=\"echo one run_at_build='echo three'");
    }

    @Test
    void whichAndCommandVAreAnsweredFromTheSysroot() throws IOException {
        Path root = tmp.resolve("root");
        Path uname = write("root/usr/bin/uname", "");
        Files.setPosixFilePermissions(uname, PosixFilePermissions.fromString("rwxr-xr-x"));
        write("root/usr/bin/notexec", "");
        Path conf = write("a.conf", "a=$(which uname)\nb=`command -v uname`\nc=\"$(which notexec)\"\n"
                + "d=$(which /usr/bin/uname)\n");
        ConfReader r = ConfReader.builder().sysroot(root).build();
        ShipConfig s = r.read(conf);
        assertThat(s.get("a")).contains("/usr/bin/uname");
        assertThat(s.get("b")).contains("/usr/bin/uname");
        assertThat(s.get("c")).contains("");
        assertThat(s.get("d")).contains("/usr/bin/uname");
        assertThat(lint(r, conf)).contains(conf + ":3: warning: command substitution `which notexec` gives an"
                + " empty string (not found in the sysroot's PATH)");
    }

    @Test
    void whichFollowsSymlinksInsideTheSysroot() throws IOException {
        Path root = tmp.resolve("root");
        Path real = write("root/bin/ksh", "");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("usr/bin"));
        // absolute target: /bin/ksh of the sysroot, not of the host
        Files.createSymbolicLink(root.resolve("usr/bin/ksh93"), Path.of("/bin/ksh"));
        // the host has /bin/sh, the sysroot has not: not found
        Files.createSymbolicLink(root.resolve("usr/bin/sh"), Path.of("/bin/sh"));
        Path conf = write("a.conf", "a=$(which ksh93)\nb=$(which sh)\n");
        ShipConfig s = ConfReader.builder().sysroot(root).build().read(conf);
        assertThat(s.get("a")).contains("/usr/bin/ksh93");
        assertThat(s.get("b")).contains("");
    }

    @Test
    void aPluggedResolverAnswersOtherCommands() throws IOException {
        Path conf = write("a.conf", "ARCH=$(uname -m)\nshippath=\"/ships/$(printf %s \"$ARCH\")\"\n");
        ConfReader r = ConfReader.builder().resolver(sub -> switch (String.join(" ", sub.words())) {
            case "uname -m" -> "amd64\n\n";
            case "printf %s amd64" -> "amd64";
            default -> throw new ConfException(sub.position(), "unexpected " + sub.words());
        }).build();
        ShipConfig s = r.read(conf);
        assertThat(s.get("ARCH")).contains("amd64");
        assertThat(s.shippath()).contains("/ships/amd64");
    }

    @Test
    void callerVariablesStandInForSailorsAndDefaultsWork() throws IOException {
        Path conf = write("a.conf", ": ${varbase:=/var}\nshippath=~/ships/${name:-web}\nlog=\"${varbase}/log\"\n"
                + "x=${OS+os is $OS}\n");
        ShipConfig s = ConfReader.builder().variables(Map.of("HOME", "/home/me", "OS", "NetBSD")).build().read(conf);
        assertThat(s.shippath()).contains("/home/me/ships/web");
        assertThat(s.get("log")).contains("/var/log");
        assertThat(s.get("x")).contains("os is NetBSD");
        assertThat(s.value("OS").get().position().file()).isEqualTo(ConfReader.CALLER);
    }

    @Test
    void exportReadonlyUnsetAndSemicolons() throws IOException {
        Path conf = write("a.conf", "export a=1 b; readonly c=\"$a 2\"\nd=4; unset d\n");
        ShipConfig s = ConfReader.builder().build().read(conf);
        assertThat(s.get("a")).contains("1");
        assertThat(s.get("c")).contains("1 2");
        assertThat(s.get("d")).isEmpty();
    }

    @Test
    void linterNamesUnsetVariablesUnknownKeysAndHostFiles() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root/bin"));
        write("root/bin/sh", "");
        write("root/bin/ksh", "");
        Files.createDirectories(tmp.resolve("host/www"));
        Path conf = write("a.conf", "shipname=a\nshippath=\"$HOME/ships/a\"\nshipbins=\"/bin/*sh /usr/bin/*\"\n"
                + "pip=pip3\nrun_at_build=\"$pip install x\"\nunused=1\nip_vioif0=10.0.0.2/24\n"
                + "ro_mounts=\"/www /data\"\nsync_dirs=/etc/x\n");
        ConfReader r = ConfReader.builder().sysroot(tmp.resolve("root")).includeRoot(tmp.resolve("host")).build();
        assertThat(lint(r, conf)).containsExactly(
                conf + ":2: warning: HOME is unset (sh expands it to an empty string)",
                conf + ":3: warning: shipbins: /usr/bin/* matches nothing in " + tmp.resolve("root"),
                conf + ":6: warning: unknown key unused: sailor does not read it and nothing in the conf uses it",
                conf + ":8: warning: ro_mounts: /data is not a directory on the host (" + tmp.resolve("host")
                        + "): sailor skips it silently",
                conf + ":9: warning: sync_dirs: /etc/x is not a directory on the host (" + tmp.resolve("host") + ")");
    }

    @Test
    void linterWantsShipnameAndShippath() throws IOException {
        Path conf = write("a.conf", "packages=nginx\n");
        assertThat(lint(ConfReader.builder().build(), conf)).containsExactly(
                conf + ":1: warning: shipname is not set (sailor needs it)",
                conf + ":1: warning: shippath is not set or empty: sailor refuses to build");
    }

    @Test
    void dosLineEndingsAreKeptAsShDoesAndLinted() throws IOException {
        Path conf = write("a.conf", "shipname=a\r\nshippath=/s\r\n");
        ConfReader r = ConfReader.builder().build();
        assertThat(r.read(conf).shipname()).contains("a\r");
        assertThat(lint(r, conf)).containsExactly(
                conf + ":1: warning: the file has DOS line endings: sh keeps each '\\r' in the values");
    }

    @Test
    void runAtGlobsAreKeptAndLinted() throws IOException {
        Path conf = write("a.conf", "shipname=a\nshippath=/s\nrun_at_build=\"rm -f /tmp/*.o\"\n");
        ConfReader r = ConfReader.builder().build();
        assertThat(commands(r.read(conf), Phase.BUILD)).containsExactly("rm -f /tmp/*.o");
        assertThat(lint(r, conf)).containsExactly(conf + ":3: warning: sailor's unquoted 'eval ${line}' would"
                + " expand the pattern '/tmp/*.o\"' against its working directory; slipway keeps it as written");
    }
}
