package io.github.slipway.rc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slipway.sailor.ShipConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs generated rc files under dash, chrooted into a root whose commands are logging stubs
 * ({@link StubRoot}), and checks the exact commands and arguments the rc ran, in order.
 */
class RcBehaviourTest {
    @TempDir
    Path tmp;

    /** Every command an rc of these tests may run, at its NetBSD path, plus traps for injections. */
    StubRoot root() throws Exception {
        return new StubRoot(tmp.resolve("root")).stubs(
                "/sbin/mount", "/sbin/ifconfig", "/sbin/route", "/bin/hostname",
                "/etc/rc.d/nginx", "/etc/rc.d/php_fpm",
                "/usr/pkg/sbin/nginx", "/usr/pkg/sbin/php-fpm", "/usr/pkg/bin/gunicorn",
                "/usr/pkg/bin/gunicornctl",
                // nothing may ever run these
                "/sbin/reboot", "/bin/rm", "/usr/bin/id");
    }

    @Test
    void rcdShipStartsEverythingInOrderAndStopsCleanlyOnSigterm() throws Exception {
        ShipConfig ship = Ships.conf("nginxflaskapi.conf")
                .set("services", "nginx php_fpm")
                .set("shipname", "nginxflaskapi")
                .set("ip_vioif0", "192.168.2.101/24 2001:db8::1/64")
                .set("ip_lo0", "192.168.101.1/24")
                .start("cd /var/run && gunicorn -u nginx -D --pid=/var/run/gunicorn.pid example:app")
                .start("printf '\\nnginx is listening on port 1080\\n\\n'")
                .stop("printf 'stopping gunicorn.. '")
                .stop("gunicornctl stop \"$(pwd)\"")
                .build();
        RcOptions o = RcOptions.defaults().withTmpfsMounts(List.of("/tmp", "/var/run"))
                .withDefaultRoute(Optional.of("192.168.2.1"))
                .withFinalWait(FinalWait.tail("/var/log/nginx/access.log"));
        StubRoot r = root().blockingStub("/usr/bin/tail");
        StubRoot.Result res = r.runRc(RcGenerator.generate(ship, o).rc().text());
        assertThat(res.log()).containsExactly(
                "/sbin/mount [-a]",
                "/sbin/mount [-t] [tmpfs] [tmpfs] [/tmp]",
                "/sbin/mount [-t] [tmpfs] [tmpfs] [/var/run]",
                "/sbin/ifconfig [lo0] [127.0.0.1] [up]",
                "/sbin/ifconfig [vioif0] [192.168.2.101/24] [up]",
                "/sbin/ifconfig [vioif0] [inet6] [2001:db8::1/64] [alias]",
                "/sbin/ifconfig [lo0] [192.168.101.1/24] [alias]",
                "/sbin/route [add] [default] [192.168.2.1]",
                "/bin/hostname [nginxflaskapi]",
                "/etc/rc.d/nginx [onestart]",
                "/etc/rc.d/php_fpm [onestart]",
                "/usr/pkg/bin/gunicorn [-u] [nginx] [-D] [--pid=/var/run/gunicorn.pid] [example:app]",
                "/usr/bin/tail [-f] [/var/log/nginx/access.log]",
                // the tail stub sent SIGTERM: services stop in reverse order, then run_at_stop
                "/etc/rc.d/php_fpm [onestop]",
                "/etc/rc.d/nginx [onestop]",
                // each run_at_* command runs in its own subshell: the cd of run_at_start is gone
                "/usr/pkg/bin/gunicornctl [stop] [/]");
        assertThat(res.output()).isEqualTo("\nnginx is listening on port 1080\n\n\nstopping gunicorn.. ");
        assertThat(res.status()).isZero();
    }

    @Test
    void directShipWaitsForeverUntilStopped() throws Exception {
        ShipConfig ship = Ships.conf("nginxphp.conf")
                .set("services", "nginx php_fpm").set("shipname", "nginxphp").set("ip_vioif0", "10.0.0.2/24")
                .start("printf 'up\\n'").build();
        RcOptions o = RcOptions.defaults().withServiceStyle(ServiceStyle.DIRECT)
                .withServiceCommand("nginx", List.of("/usr/pkg/sbin/nginx"))
                .withServiceCommand("php_fpm", List.of("php-fpm", "-y", "/usr/pkg/etc/php-fpm.conf"))
                .withPackagePrefix(Optional.of("/usr/pkg"));
        StubRoot r = root().blockingStub("/bin/sleep");
        StubRoot.Result res = r.runRc(RcGenerator.generate(ship, o).rc().text());
        assertThat(res.log()).containsExactly(
                "/sbin/mount [-a]",
                "/sbin/ifconfig [lo0] [127.0.0.1] [up]",
                "/sbin/ifconfig [vioif0] [10.0.0.2/24] [up]",
                "/bin/hostname [nginxphp]",
                "/usr/pkg/sbin/nginx",
                // found through the PATH the rc set: the test's environment is empty
                "/usr/pkg/sbin/php-fpm [-y] [/usr/pkg/etc/php-fpm.conf]",
                "/bin/sleep [86400]");
        assertThat(res.output()).isEqualTo("\nstarting nginx.. done\n\nstarting php_fpm.. done\nup\n");
        assertThat(res.status()).isZero();
    }

    @Test
    void rcThatExitsLeavesNothingRunning() throws Exception {
        ShipConfig ship = Ships.conf("empty.conf").set("shipname", "empty").set("ip_lo0", "192.168.101.1/24")
                .start("printf 'starting!\\n'").stop("printf 'stopping!\\n'").build();
        RcOptions o = RcOptions.defaults().withFinalWait(FinalWait.exit()).withHostnameFromShipname(false);
        StubRoot root = root();
        RcFiles files = RcGenerator.generate(ship, o);
        StubRoot.Result res = root.runRc(files.rc().text());
        assertThat(res.log()).containsExactly(
                "/sbin/mount [-a]",
                "/sbin/ifconfig [lo0] [127.0.0.1] [up]",
                "/sbin/ifconfig [lo0] [192.168.101.1/24] [alias]");
        assertThat(res.output()).isEqualTo("starting!\n");
        assertThat(res.status()).isZero();
        // shutdown(8) sources /etc/rc.shutdown: run_at_stop runs there
        StubRoot.Result stop = root.runRc(files.rcShutdown().orElseThrow().text());
        assertThat(stop.output()).isEqualTo("stopping!\n");
        assertThat(stop.status()).isZero();
    }

    @Test
    void rcShutdownStopsRcdServicesInReverseOrder() throws Exception {
        ShipConfig ship = Ships.conf("nginxphp.conf").set("services", "nginx php_fpm").set("shipname", "nginxphp")
                .stop("gunicornctl stop").build();
        RcFiles files = RcGenerator.generate(ship, RcOptions.defaults().withFinalWait(FinalWait.exit()));
        StubRoot.Result stop = root().runRc(files.rcShutdown().orElseThrow().text());
        assertThat(stop.log()).containsExactly("/etc/rc.d/php_fpm [onestop]", "/etc/rc.d/nginx [onestop]",
                "/usr/pkg/bin/gunicornctl [stop]");
    }

    /** init(8) would start a root shell on the console if the rc exited non-zero. */
    @Test
    void failingCommandsDoNotMakeTheRcFail() throws Exception {
        ShipConfig ship = Ships.conf("nginx.conf").set("services", "nginx missing").set("shipname", "nginx")
                .start("false").build();
        StubRoot r = root();
        java.nio.file.Files.writeString(r.at("/etc/rc.d/nginx"), StubRoot.LOGGER + "exit 1\n");
        StubRoot.Result res = r.runRc(RcGenerator.generate(ship, RcOptions.defaults()
                .withFinalWait(FinalWait.exit())).rc().text());
        assertThat(res.log()).endsWith("/etc/rc.d/nginx [onestart]");
        assertThat(res.output()).contains("/etc/rc.d/missing: not found");
        assertThat(res.status()).isZero();
    }

    @Test
    void hostileWordsInOptionsReachTheCommandsAsDataOnly() throws Exception {
        ShipConfig ship = Ships.conf("nginx.conf").set("services", "nginx").set("shipname", "nginx").build();
        RcOptions o = RcOptions.defaults().withServiceStyle(ServiceStyle.DIRECT)
                .withServiceCommand("nginx", List.of("/usr/pkg/sbin/nginx", "-g", "daemon on; $(reboot)",
                        "`rm -rf /`", "it's", "; /sbin/reboot", "\"$HOME\"", "*", "a b\tc"))
                .withTmpfsMounts(List.of("/tmp/$(reboot)", "/tmp/it's'; /sbin/reboot; '"))
                .withFinalWait(FinalWait.tail("/var/log/`id`.log"));
        StubRoot r = root().blockingStub("/usr/bin/tail");
        StubRoot.Result res = r.runRc(RcGenerator.generate(ship, o).rc().text());
        assertThat(res.log()).containsExactly(
                "/sbin/mount [-a]",
                "/sbin/mount [-t] [tmpfs] [tmpfs] [/tmp/$(reboot)]",
                "/sbin/mount [-t] [tmpfs] [tmpfs] [/tmp/it's'; /sbin/reboot; ']",
                "/sbin/ifconfig [lo0] [127.0.0.1] [up]",
                "/bin/hostname [nginx]",
                "/usr/pkg/sbin/nginx [-g] [daemon on; $(reboot)] [`rm -rf /`] [it's] [; /sbin/reboot]"
                        + " [\"$HOME\"] [*] [a b\tc]",
                "/usr/bin/tail [-f] [/var/log/`id`.log]");
        assertThat(res.status()).isZero();
    }

    /**
     * Conf values that try to inject commands are refused before any rc exists; the same
     * values pasted into an rc the way sailor's own scripts use them (unquoted) would run the
     * injected command, which the stub root shows: the refusal is not for show.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ip_vioif0 | 10.0.0.2/24; /sbin/reboot    | ifconfig vioif0 %s up",
        "ip_vioif0 | $(/sbin/reboot)               | ifconfig vioif0 %s up",
        "services  | nginx;/sbin/reboot            | /etc/rc.d/%s onestart",
        "shipname  | ship`/sbin/reboot`            | hostname %s",
    })
    void injectionsAreRefusedAndWouldHaveRun(String key, String value, String naive) throws Exception {
        ShipConfig ship = Ships.conf("evil.conf").set("shipname", "evil").set(key, value).build();
        assertThatThrownBy(() -> RcGenerator.generate(ship, RcOptions.defaults()))
                .isInstanceOf(RcException.class)
                .hasMessageStartingWith("evil.conf:2:1: " + key + ": ");
        StubRoot.Result res = root().runRc("#!/bin/sh\nPATH=/sbin:/bin\n" + String.format(naive, value) + "\n");
        assertThat(res.log()).anyMatch(l -> l.startsWith("/sbin/reboot"));
    }

    @Test
    void newlineInAValueIsRefused() {
        ShipConfig ship = Ships.conf("evil.conf").set("shipname", "evil")
                .set("ip_vioif0", "10.0.0.2/24\n/sbin/reboot").build();
        assertThatThrownBy(() -> RcGenerator.generate(ship, RcOptions.defaults()))
                .isInstanceOf(RcException.class)
                .hasMessage("evil.conf:2:1: ip_vioif0: '10.0.0.2/24\\n/sbin/reboot' is not a list of"
                        + " addresses separated by spaces");
    }
}
