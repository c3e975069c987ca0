package io.github.slipway.rc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slipway.sailor.ShipConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RcGeneratorTest {
    @TempDir
    Path tmp;

    static ShipConfig flask() {
        return Ships.conf("nginxflaskapi.conf")
                .set("services", "nginx php_fpm")
                .set("shipname", "nginxflaskapi")
                .set("ip_vioif0", "192.168.2.101/24 2001:db8::1/64")
                .set("ip_lo0", "192.168.101.1/24")
                .start("cd /var/flask && gunicorn -u nginx -D --pid=/var/run/gunicorn.pid example:app")
                .start("printf '\\nnginx is listening on port 1080\\n\\n'")
                .stop("printf 'stopping gunicorn.. '")
                .stop("kill $(cat /var/run/gunicorn.pid)")
                .build();
    }

    static RcOptions allOptions() {
        return RcOptions.defaults().withTmpfsMounts(List.of("/tmp", "/var/run"))
                .withDefaultRoute(Optional.of("192.168.2.1"));
    }

    static RcOptions direct() {
        return RcOptions.defaults().withServiceStyle(ServiceStyle.DIRECT)
                .withServiceCommand("nginx", List.of("/usr/pkg/sbin/nginx"))
                .withServiceCommand("php_fpm", List.of("/usr/pkg/sbin/php-fpm", "-y", "/usr/pkg/etc/php-fpm.conf"))
                .withFinalWait(FinalWait.tail("/var/log/nginx/access.log"));
    }

    static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    @Test
    void rcdStyleRcHasEveryStepInOrder() throws Exception {
        RcFiles f = RcGenerator.generate(flask(), allOptions());
        assertThat(lines(f.rc().text())).containsSubsequence(
                "#!/bin/sh",
                "export HOME=/",
                "export PATH='/sbin:/bin:/usr/sbin:/usr/bin:/usr/pkg/sbin:/usr/pkg/bin'",
                "umask 022",
                "mount -a",
                "mount -t tmpfs tmpfs '/tmp'",
                "mount -t tmpfs tmpfs '/var/run'",
                "ifconfig lo0 127.0.0.1 up",
                "ifconfig 'vioif0' '192.168.2.101/24' up",
                "ifconfig 'vioif0' inet6 '2001:db8::1/64' alias",
                "ifconfig 'lo0' '192.168.101.1/24' alias",
                "route add default '192.168.2.1'",
                "hostname 'nginxflaskapi'",
                "ship_stop() {",
                "\t'/etc/rc.d/php_fpm' onestop",
                "\t'/etc/rc.d/nginx' onestop",
                "\t# run_at_stop, nginxflaskapi.conf:7:1",
                "printf 'stopping gunicorn.. '",
                "kill $(cat /var/run/gunicorn.pid)",
                "\t\tkill \"$ship_waitpid\"",
                "}",
                "trap 'ship_stop; exit 0' TERM INT HUP",
                "'/etc/rc.d/nginx' onestart",
                "'/etc/rc.d/php_fpm' onestart",
                "# run_at_start, nginxflaskapi.conf:5:1",
                "(",
                "cd /var/flask && gunicorn -u nginx -D --pid=/var/run/gunicorn.pid example:app",
                ")",
                "printf '\\nnginx is listening on port 1080\\n\\n'",
                "\tsleep 86400 &",
                "\twait \"$ship_waitpid\" || break");
        assertThat(f.rc().path()).isEqualTo("/etc/rc");
        assertThat(f.rc().mode()).isEqualTo(0755);
        assertThat(f.commands()).containsExactly(
                "hostname", "ifconfig", "mount", "mount_ffs", "mount_tmpfs", "route", "sleep");
    }

    @Test
    void directStyleQuotesEachWordOfTheGivenCommand() throws Exception {
        RcFiles f = RcGenerator.generate(flask(), direct());
        assertThat(lines(f.rc().text())).containsSubsequence(
                "printf '\\nstarting %s.. ' 'nginx'",
                "'/usr/pkg/sbin/nginx'",
                "echo 'done'",
                "printf '\\nstarting %s.. ' 'php_fpm'",
                "'/usr/pkg/sbin/php-fpm' '-y' '/usr/pkg/etc/php-fpm.conf'",
                "echo 'done'",
                "echo",
                "tail -f '/var/log/nginx/access.log' &",
                "ship_waitpid=$!",
                "wait \"$ship_waitpid\"");
        assertThat(f.rc().text()).doesNotContain("rc.d/nginx").doesNotContain("sleep");
        assertThat(f.commands()).contains("tail").doesNotContain("sleep");
    }

    @Test
    void generatedFilesPassDashAndShellcheck() throws Exception {
        for (RcOptions o : List.of(RcOptions.defaults(), allOptions(), direct(),
                allOptions().withFinalWait(FinalWait.exit()).withHostnameFromShipname(false)
                        .withPackagePrefix(Optional.empty()).withDefaultRoute(Optional.of("2001:db8::fe")))) {
            RcFiles f = RcGenerator.generate(flask(), o);
            ShellOracle.assertClean(tmp, "rc", f.rc().text());
            ShellOracle.assertClean(tmp, "rc.conf", f.rcConf().text());
        }
    }

    @Test
    void rcConfAndFstabAreWhatSailorAndNetbsdExpect() throws Exception {
        RcFiles f = RcGenerator.generate(flask(), RcOptions.defaults());
        assertThat(lines(f.rcConf().text())).containsSubsequence(
                "if [ -r /etc/defaults/rc.conf ]; then", "\t. /etc/defaults/rc.conf", "fi",
                "rc_configured=YES", "nginx=YES", "php_fpm=YES", "");
        assertThat(f.rcConf().mode()).isEqualTo(0644);
        assertThat(f.fstab().text()).endsWith("\n/dev/ld0a / ffs rw 1 1\n");
        assertThat(f.fstab().path()).isEqualTo("/etc/fstab");
        RcFiles labelled = RcGenerator.generate(flask(), RcOptions.defaults().withRootDevice("NAME=shiproot"));
        assertThat(labelled.fstab().text()).endsWith("\nNAME=shiproot / ffs rw 1 1\n");
        assertThat(f.all()).extracting(RcFile::path).containsExactly("/etc/fstab", "/etc/rc", "/etc/rc.conf");
    }

    @Test
    void sameShipSameBytesWhereverTheConfLies() throws Exception {
        ShipConfig a = flask();
        ShipConfig b = Ships.conf("/elsewhere/deep/nginxflaskapi.conf")
                .set("services", "nginx php_fpm").set("shipname", "nginxflaskapi")
                .set("ip_vioif0", "192.168.2.101/24 2001:db8::1/64").set("ip_lo0", "192.168.101.1/24")
                .start("cd /var/flask && gunicorn -u nginx -D --pid=/var/run/gunicorn.pid example:app")
                .start("printf '\\nnginx is listening on port 1080\\n\\n'")
                .stop("printf 'stopping gunicorn.. '").stop("kill $(cat /var/run/gunicorn.pid)").build();
        assertThat(RcGenerator.generate(a, direct())).isEqualTo(RcGenerator.generate(a, direct()));
        assertThat(RcGenerator.generate(b, direct())).isEqualTo(RcGenerator.generate(a, direct()));
    }

    @Test
    void emptyShipStillBringsUpLoopbackAndWaits() throws Exception {
        RcFiles f = RcGenerator.generate(ShipConfig.of(Map.of(), List.of()), RcOptions.defaults());
        assertThat(f.rc().text()).contains("ifconfig lo0 127.0.0.1 up\n").doesNotContain("hostname")
                .contains("of the ship (unnamed)");
        assertThat(f.rcConf().text()).endsWith("rc_configured=YES\n");
        ShellOracle.assertClean(tmp, "rc", f.rc().text());
    }

    @Test
    void rcShutdownHoldsTheStopStepsOnlyWhenTheRcDoesNotStay() throws Exception {
        assertThat(RcGenerator.generate(flask(), RcOptions.defaults()).rcShutdown()).isEmpty();
        assertThat(RcGenerator.generate(flask(), direct()).rcShutdown()).isEmpty();
        RcFiles f = RcGenerator.generate(flask(), RcOptions.defaults().withFinalWait(FinalWait.exit()));
        RcFile shutdown = f.rcShutdown().orElseThrow();
        assertThat(shutdown.path()).isEqualTo("/etc/rc.shutdown");
        assertThat(shutdown.mode()).isEqualTo(0644);
        assertThat(lines(shutdown.text())).containsSubsequence("#!/bin/sh",
                "export PATH='/sbin:/bin:/usr/sbin:/usr/bin:/usr/pkg/sbin:/usr/pkg/bin'",
                "'/etc/rc.d/php_fpm' onestop", "'/etc/rc.d/nginx' onestop",
                "# run_at_stop, nginxflaskapi.conf:7:1", "(", "printf 'stopping gunicorn.. '", ")",
                "(", "kill $(cat /var/run/gunicorn.pid)", ")", "");
        assertThat(f.all()).extracting(RcFile::path)
                .containsExactly("/etc/fstab", "/etc/rc", "/etc/rc.conf", "/etc/rc.shutdown");
        ShellOracle.assertClean(tmp, "rc.shutdown", shutdown.text());
    }

    @Test
    void packagePrefixJoinsPathWithoutDoubleSlashes() throws Exception {
        for (String prefix : List.of("/usr/pkg/", "/opt/pkg", "/")) {
            String rc = RcGenerator.generate(flask(), RcOptions.defaults().withPackagePrefix(Optional.of(prefix)))
                    .rc().text();
            String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            assertThat(rc).contains("\nexport PATH='/sbin:/bin:/usr/sbin:/usr/bin:" + base + "/sbin:" + base + "/bin'\n");
        }
    }

    @Test
    void repeatedServiceIsStartedOnce() throws Exception {
        ShipConfig s = Ships.conf("x.conf").set("services", "nginx  nginx\tsshd").build();
        RcFiles f = RcGenerator.generate(s, RcOptions.defaults());
        assertThat(f.rc().text().split("'/etc/rc.d/nginx' onestart", -1)).hasSize(2);
        assertThat(f.rcConf().text()).endsWith("nginx=YES\nsshd=YES\n");
    }

    /** Conf values that are not data, with the key and the line the error must name. */
    static Stream<Arguments> refusedValues() {
        return Stream.of(
                Arguments.of("ip_vioif0", "10.0.0.2/24; rm -rf /", "'10.0.0.2/24;'"),
                Arguments.of("ip_vioif0", "$(reboot)", "'$(reboot)'"),
                Arguments.of("ip_vioif0", "10.0.0.2/24\nreboot", "'10.0.0.2/24\\nreboot'"),
                Arguments.of("ip_vioif0", "`reboot`", "'`reboot`'"),
                Arguments.of("ip_vioif0", "10.0.0.256/24", "'10.0.0.256/24'"),
                Arguments.of("ip_vioif0", "010.0.0.1/24", "'010.0.0.1/24'"),
                Arguments.of("ip_vioif0", "10.0.0.2/33", "'10.0.0.2/33'"),
                Arguments.of("ip_vioif0", "fe80::1%vioif0", "'fe80::1%vioif0'"),
                Arguments.of("ip_vioif0", "1:2:3:4:5:6:7:8:9", "'1:2:3:4:5:6:7:8:9'"),
                Arguments.of("ip_vioif0", "example.org", "'example.org'"),
                Arguments.of("ip_VIOIF0", "10.0.0.2/24", "'VIOIF0'"),
                Arguments.of("ip_vioif", "10.0.0.2/24", "'vioif'"),
                Arguments.of("services", "nginx;reboot", "'nginx;reboot'"),
                Arguments.of("services", "nginx $(reboot)", "'$(reboot)'"),
                Arguments.of("services", "../../bin/reboot", "'../../bin/reboot'"),
                Arguments.of("services", "php-fpm", "'php-fpm'"),
                Arguments.of("services", "nginx\nreboot", "'nginx\\nreboot'"),
                Arguments.of("shipname", "web;reboot", "'web;reboot'"),
                Arguments.of("shipname", "web\nreboot", "'web\\nreboot'"),
                Arguments.of("shipname", "$(reboot)", "'$(reboot)'"),
                Arguments.of("shipname", "my_ship", "'my_ship'"));
    }

    @ParameterizedTest
    @MethodSource("refusedValues")
    void valueThatIsNotDataIsRefusedNamingKeyAndLine(String key, String value, String shown) {
        ShipConfig s = Ships.conf("evil.conf").set("shipname", "evil").skip().set(key, value).build();
        assertThatThrownBy(() -> RcGenerator.generate(s, RcOptions.defaults()))
                .isInstanceOf(RcException.class)
                .hasMessageStartingWith("evil.conf:3:1: " + key + ": ")
                .hasMessageContaining(shown)
                .satisfies(e -> assertThat(((RcException) e).key()).isEqualTo(key))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    static Stream<Arguments> refusedCode() {
        return Stream.of(
                Arguments.of("printf 'unterminated", "unterminated single quote at index 7"),
                Arguments.of("echo \"open", "unterminated double quote opened at index 5"),
                Arguments.of("echo `date", "unterminated backquote"),
                Arguments.of("echo $(date", "unterminated $( command substitution opened at index 5"),
                Arguments.of("echo ${HOME", "unterminated ${ parameter expansion"),
                Arguments.of("echo $((1 + 2)", "unterminated $(( arithmetic expansion"),
                Arguments.of("echo continued \\", "ends with a backslash"),
                Arguments.of("cat <<EOF", "here-document at index 4"),
                Arguments.of("echo a\0b", "control character \\u0000 at index 6"),
                Arguments.of("echo a\rb", "control character \\u000d"));
    }

    @ParameterizedTest
    @MethodSource("refusedCode")
    void userCodeThatWouldSwallowTheRestIsRefused(String code, String why) {
        ShipConfig s = Ships.conf("evil.conf").set("shipname", "evil").stop("echo fine").start(code).build();
        assertThatThrownBy(() -> RcGenerator.generate(s, RcOptions.defaults()))
                .isInstanceOf(RcException.class)
                .hasMessageStartingWith("evil.conf:3:1: run_at_start: " + why);
    }

    @Test
    void directStyleNeedsACommandForEveryServiceAndOnlyForThem() {
        ShipConfig s = Ships.conf("x.conf").set("shipname", "x").set("services", "nginx sshd").build();
        RcOptions nginxOnly = RcOptions.defaults().withServiceStyle(ServiceStyle.DIRECT)
                .withServiceCommand("nginx", List.of("/usr/pkg/sbin/nginx"));
        assertThatThrownBy(() -> RcGenerator.generate(s, nginxOnly))
                .isInstanceOf(RcException.class)
                .hasMessage("x.conf:2:1: services: service sshd has no start command; give one,"
                        + " or start services through rc.d");
        RcOptions extra = nginxOnly.withServiceCommand("sshd", List.of("/usr/sbin/sshd"))
                .withServiceCommand("ntpd", List.of("/usr/sbin/ntpd"));
        assertThatThrownBy(() -> RcGenerator.generate(s, extra))
                .isInstanceOf(RcException.class)
                .hasMessage("x.conf:2:1: services: a start command is given for ntpd, which services does not list");
    }

    @Test
    void optionsNameTheBadValue() {
        RcOptions d = RcOptions.defaults();
        assertThatThrownBy(() -> d.withTmpfsMounts(List.of("tmp")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tmpfsMounts: 'tmp' is not an absolute path");
        assertThatThrownBy(() -> d.withTmpfsMounts(List.of("/tmp\nreboot")))
                .hasMessage("tmpfsMounts: '/tmp\\nreboot' holds a control character at index 4");
        assertThatThrownBy(() -> d.withTmpfsMounts(List.of("/var/../etc")))
                .hasMessage("tmpfsMounts: '/var/../etc' climbs with ..");
        assertThatThrownBy(() -> d.withRootDevice("/dev/ld0a rw"))
                .hasMessageStartingWith("rootDevice: '/dev/ld0a rw' must be a plain path");
        assertThatThrownBy(() -> d.withRootDevice("NAME=a b"))
                .hasMessageStartingWith("rootDevice: 'a b' is not a file system label");
        assertThatThrownBy(() -> d.withPackagePrefix(Optional.of("/usr/pkg:/evil")))
                .hasMessageStartingWith("packagePrefix: '/usr/pkg:/evil' must be a plain path");
        assertThatThrownBy(() -> d.withDefaultRoute(Optional.of("10.0.0.1/24")))
                .hasMessage("defaultRoute: '10.0.0.1/24' is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> d.withFinalWait(FinalWait.tail("log")))
                .hasMessage("finalWait: 'log' is not an absolute path");
        assertThatThrownBy(() -> d.withServiceCommand("nginx", List.of("/usr/pkg/sbin/nginx")))
                .hasMessage("serviceCommands: commands [nginx] are only used with ServiceStyle.DIRECT");
        RcOptions direct = d.withServiceStyle(ServiceStyle.DIRECT);
        assertThatThrownBy(() -> direct.withServiceCommand("ng;x", List.of("/bin/x")))
                .hasMessageStartingWith("serviceCommands: 'ng;x' is not a service name");
        assertThatThrownBy(() -> direct.withServiceCommand("nginx", List.of()))
                .hasMessage("serviceCommands: service nginx has an empty command");
        assertThatThrownBy(() -> direct.withServiceCommand("nginx", List.of("/bin/x\nreboot")))
                .hasMessage("serviceCommands: service nginx: word '/bin/x\\nreboot' holds a NUL or a line break");
        assertThatThrownBy(() -> new FinalWait(FinalWait.Kind.SLEEP, Optional.of("/x")))
                .hasMessage("SLEEP takes no file: /x");
    }
}
