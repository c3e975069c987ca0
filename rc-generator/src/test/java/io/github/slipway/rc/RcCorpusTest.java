package io.github.slipway.rc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slipway.sailor.ConfReader;
import io.github.slipway.sailor.Phase;
import io.github.slipway.sailor.RunCommand;
import io.github.slipway.sailor.ShipConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every conf of the corpus ({@code corpus/}, sailor's example ships, and the fakecracker ship),
 * read by {@link ConfReader}, turned into an rc in both service styles: the rc passes
 * {@code dash -n} and {@code shellcheck -s sh -S warning}, states each address, service and
 * {@code run_at_start}/{@code run_at_stop} command of the conf, and, run in a stub root, runs
 * exactly the conf's interfaces and services.
 */
class RcCorpusTest {
    @TempDir
    Path tmp;

    Path sysroot;
    ConfReader reader;

    @BeforeEach
    void reader() throws Exception {
        // $(which uname) in nginxflaskapi.conf is resolved against this sysroot
        sysroot = tmp.resolve("sysroot");
        Path uname = sysroot.resolve("usr/bin/uname");
        Files.createDirectories(uname.getParent());
        Files.writeString(uname, "");
        uname.toFile().setExecutable(true);
        reader = ConfReader.builder()
                .variable("HOME", "/home/sailor")
                .variable("mkdir", "/bin/mkdir -p")
                .variable("sysconfdir", "/usr/pkg/etc")
                .variable("pkg_info", "/usr/sbin/pkg_info")
                .variable("grep", "/usr/bin/grep")
                .sysroot(sysroot)
                .build();
    }

    ShipConfig read(String conf) throws Exception {
        String name = conf.equals("fakecracker.conf") ? conf : "corpus/" + conf;
        return reader.read(RcGoldenTest.resource(name));
    }

    static RcOptions directOptions(ShipConfig ship) {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (String s : ship.services()) {
            commands.put(s, List.of("/usr/pkg/sbin/" + s));
        }
        return RcOptions.defaults().withServiceStyle(ServiceStyle.DIRECT).withServiceCommands(commands)
                .withTmpfsMounts(List.of("/tmp")).withDefaultRoute(Optional.of("192.168.2.1"))
                .withFinalWait(FinalWait.tail("/var/log/messages"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bozohttpd.conf", "empty.conf", "namp.conf", "nginx.conf", "nginxflaskapi.conf",
        "nginxnode.conf", "nginxphp.conf", "fakecracker.conf"})
    void rcIsCleanAndStatesEveryAddressServiceAndCommand(String conf) throws Exception {
        ShipConfig ship = read(conf);
        for (RcOptions o : List.of(RcOptions.defaults(), directOptions(ship))) {
            RcFiles f = RcGenerator.generate(ship, o);
            String rc = f.rc().text();
            ShellOracle.assertClean(tmp, "rc", rc);
            ShellOracle.assertClean(tmp, "rc.conf", f.rcConf().text());
            assertThat(rc).contains("ifconfig lo0 127.0.0.1 up\n");
            ship.ipAddresses().forEach((iface, addr) -> assertThat(rc)
                    .contains("ifconfig '" + iface + "' '" + addr + "' " + (iface.equals("lo0") ? "alias" : "up")));
            for (String s : ship.services()) {
                assertThat(f.rcConf().text()).contains("\n" + s + "=YES\n");
                assertThat(rc).contains(o.serviceStyle() == ServiceStyle.RCD
                        ? "'/etc/rc.d/" + s + "' onestart\n" : "\n'/usr/pkg/sbin/" + s + "'\n");
            }
            for (RunCommand c : ship.runCommands()) {
                if (c.phase() == Phase.START || c.phase() == Phase.STOP) {
                    assertThat(rc).contains("(\n" + c.command() + "\n");
                } else {
                    assertThat(rc).doesNotContain(c.command());
                }
            }
            assertThat(rc).contains("hostname '" + ship.shipname().orElseThrow() + "'\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bozohttpd.conf", "empty.conf", "namp.conf", "nginx.conf", "nginxflaskapi.conf",
        "nginxnode.conf", "nginxphp.conf", "fakecracker.conf"})
    void rcRunsTheConfsInterfacesAndServices(String conf) throws Exception {
        ShipConfig ship = read(conf);
        StubRoot root = new StubRoot(tmp.resolve("root")).stubs("/sbin/mount", "/sbin/ifconfig",
                "/bin/hostname", "/usr/pkg/bin/gunicorn", "/usr/pkg/bin/sudo").blockingStub("/bin/sleep");
        for (String s : ship.services()) {
            root.stubs("/etc/rc.d/" + s);
        }
        for (String d : List.of("/var/flask", "/var/node")) {
            Files.createDirectories(root.at(d));
        }
        StubRoot.Result res = root.runRc(RcGenerator.generate(ship, RcOptions.defaults()).rc().text());
        // what the conf says, independently of the generator: addresses, services, sailor's order
        List<String> expected = new ArrayList<>(List.of("/sbin/mount [-a]", "/sbin/ifconfig [lo0] [127.0.0.1] [up]"));
        ship.ipAddresses().forEach((iface, addr) -> expected.add("/sbin/ifconfig [" + iface + "] [" + addr + "] ["
                + (iface.equals("lo0") ? "alias" : "up") + "]"));
        expected.add("/bin/hostname [" + ship.shipname().orElseThrow() + "]");
        for (String s : ship.services()) {
            expected.add("/etc/rc.d/" + s + " [onestart]");
        }
        expected.add("/bin/sleep [86400]");
        List<String> services = ship.services();
        for (int i = services.size() - 1; i >= 0; i--) {
            expected.add("/etc/rc.d/" + services.get(i) + " [onestop]");
        }
        assertThat(res.log()).containsSubsequence(expected);
        assertThat(res.log().stream().filter(l -> !l.startsWith("/usr/pkg/bin/"))).containsExactlyElementsOf(expected);
        assertThat(res.status()).isZero();
    }
}
