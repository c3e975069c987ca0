package io.github.slipway.sailor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every conf of the corpus (sailor's example ships and the fakecracker ship) read with sailor's
 * variables set as a NetBSD host would set them. The expected values are what dash prints for
 * the same conf sourced after the same variables, with sailor's at_cmd_run loop (see SOURCES.md).
 */
class ConfReaderCorpusTest {
    @TempDir
    Path tmp;
    Path sysroot;
    ConfReader reader;

    @BeforeEach
    void setUp() throws IOException {
        sysroot = tmp.resolve("root");
        Path uname = sysroot.resolve("usr/bin/uname");
        Files.createDirectories(uname.getParent());
        Files.writeString(uname, "#!/bin/sh\n");
        Files.setPosixFilePermissions(uname, PosixFilePermissions.fromString("rwxr-xr-x"));
        reader = ConfReader.builder()
                .variable("HOME", "/home/sailor")
                .variable("mkdir", "/bin/mkdir -p")
                .variable("sysconfdir", "/usr/pkg/etc")
                .variable("pkg_info", "/usr/sbin/pkg_info")
                .variable("grep", "/usr/bin/grep")
                .sysroot(sysroot)
                .build();
    }

    private ShipConfig read(String name) throws IOException {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("corpus/" + name)) {
            Files.copy(in, p);
        }
        return reader.read(p);
    }

    private static List<String> commands(ShipConfig s, Phase p) {
        return s.runAt(p).stream().map(RunCommand::command).collect(Collectors.toList());
    }

    /** The conf's own variables (caller's left out). */
    private static Map<String, String> own(ShipConfig s) {
        return s.values().values().stream()
                .filter(v -> !v.position().file().equals(ConfReader.CALLER))
                .collect(Collectors.toMap(ConfValue::name, ConfValue::value, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    @Test
    void bozohttpd() throws IOException {
        ShipConfig s = read("bozohttpd.conf");
        assertThat(own(s)).containsExactly(
                Map.entry("services", "bozohttpd"),
                Map.entry("shipname", "bozohttpd"),
                Map.entry("shippath", "/home/sailor/sailor/bozohttpd"),
                Map.entry("shipbins", "/usr/libexec/bozohttpd /sbin/init /bin/ksh /sbin/mount /sbin/ifconfig"
                        + " /sbin/mount_ffs /sbin/route"));
        assertThat(s.shipbins()).containsExactly("/usr/libexec/bozohttpd", "/sbin/init", "/bin/ksh", "/sbin/mount",
                "/sbin/ifconfig", "/sbin/mount_ffs", "/sbin/route");
        assertThat(s.runCommands()).isEmpty();
        assertThat(s.value("shippath").get().position()).hasToString(tmp.resolve("bozohttpd.conf") + ":3:1");
    }

    @Test
    void empty() throws IOException {
        ShipConfig s = read("empty.conf");
        assertThat(s.shipname()).contains("empty");
        assertThat(s.shippath()).contains("/home/sailor/src/sailor/empty");
        assertThat(s.shipbins()).containsExactly("/bin/ksh", "/usr/bin/printf");
        assertThat(s.ipAddresses()).containsExactly(Map.entry("lo0", "192.168.101.1/24"));
        assertThat(commands(s, Phase.BUILD)).containsExactly(
                "printf '\\n\\nsuch lines\\nmany script\\n\\n'", "echo 'wow'");
        assertThat(commands(s, Phase.START)).containsExactly("printf 'starting!\\n'");
        assertThat(commands(s, Phase.STOP)).containsExactly("printf 'stopping!\\n'");
        assertThat(commands(s, Phase.STATUS)).containsExactly("printf 'running!\\n'");
        assertThat(commands(s, Phase.DESTROY)).isEmpty();
        assertThat(s.runAt(Phase.BUILD).get(1).position().line()).isEqualTo(7);
        // sourcing leaves the last assignment in the variable
        assertThat(s.get("run_at_build")).contains("echo 'wow'");
    }

    @Test
    void fakecracker() throws IOException {
        ShipConfig s = read("fakecracker.conf");
        assertThat(s.shipname()).contains("fakecracker");
        assertThat(s.shippath()).contains("/home/sailor/src/sailor/fakecracker");
        assertThat(s.shipbins()).containsExactly("/bin/sh", "/sbin/init", "/usr/bin/printf", "/sbin/mount",
                "/sbin/mount_ffs", "/bin/ls", "/sbin/mknod", "/sbin/ifconfig", "/usr/bin/nc", "/usr/bin/tail");
        assertThat(s.packages()).containsExactly("nginx");
        assertThat(s.ipAddresses()).containsExactly(Map.entry("vioif0", "192.168.2.101/24"));
        assertThat(commands(s, Phase.BUILD)).containsExactly("cd /dev && sh MAKEDEV all_md");
    }

    @Test
    void namp() throws IOException {
        ShipConfig s = read("namp.conf");
        assertThat(s.services()).containsExactly("apache", "mysqld");
        assertThat(s.shipname()).contains("namp");
        assertThat(s.packages()).containsExactly("apache-2.4", "mysql-server", "ap24-php56", "php56-mysql",
                "php56-pdo_mysql");
        assertThat(s.shippath()).contains("/home/sailor/src/sailor/testnamp");
        assertThat(s.shipbins()).containsExactly("/bin/ksh", "/usr/bin/printf");
        assertThat(s.get("ro_mounts")).contains("/home/sailor/www");
        assertThat(s.roMounts()).containsExactly("/home/sailor/www");
        assertThat(s.get("rw_mounts")).contains("");
        assertThat(s.rwMounts()).isEmpty();
        assertThat(commands(s, Phase.START)).containsExactly("printf '\\nApache is listening on port 2080\\n\\n'");
    }

    @Test
    void nginx() throws IOException {
        ShipConfig s = read("nginx.conf");
        assertThat(own(s)).containsExactly(
                Map.entry("services", "nginx"),
                Map.entry("shipname", "nginx"),
                Map.entry("packages", "nginx"),
                Map.entry("shippath", "/home/sailor/src/sailor/nginx"),
                Map.entry("run_at_start", "printf '\\nnginx is listening on port 1080\\n\\n'"));
        assertThat(commands(s, Phase.START)).containsExactly("printf '\\nnginx is listening on port 1080\\n\\n'");
        assertThat(s.runAt(Phase.START).get(0).position()).hasToString(tmp.resolve("nginx.conf") + ":6:1");
    }

    @Test
    void nginxflaskapi() throws IOException {
        ShipConfig s = read("nginxflaskapi.conf");
        assertThat(s.services()).containsExactly("nginx");
        assertThat(s.shipname()).contains("nginxflaskapi");
        assertThat(s.packages()).containsExactly("nginx", "py34-pip", "py34-flask");
        assertThat(s.shippath()).contains("/home/sailor/src/sailor/nginxflaskapi");
        assertThat(s.get("shipbins")).contains("/usr/bin/uname"); // $(which uname) in the sysroot
        assertThat(s.get("pip")).contains("pip3.4");
        assertThat(commands(s, Phase.BUILD)).containsExactly(
                "pip3.4 install Flask-API", "pip3.4 install markdown", "pip3.4 install gunicorn");
        assertThat(commands(s, Phase.START)).containsExactly(
                "cd /var/flask && gunicorn -u nginx -D --pid=/var/run/gunicorn.pid example:app",
                "printf '\\nnginx is listening on port 1080\\n\\n'");
        assertThat(commands(s, Phase.STOP)).containsExactly(
                "printf 'stopping gunicorn.. '", "kill $(cat /var/run/gunicorn.pid)", "echo done");
    }

    @Test
    void nginxnode() throws IOException {
        ShipConfig s = read("nginxnode.conf");
        assertThat(s.services()).containsExactly("nginx");
        assertThat(s.shipname()).contains("nginxnode");
        assertThat(s.packages()).containsExactly("nginx", "nodejs", "git-base", "sudo");
        assertThat(s.shippath()).contains("/home/sailor/src/sailor/nginxnode");
        assertThat(commands(s, Phase.BUILD)).containsExactly("npm install pm2 -g");
        assertThat(commands(s, Phase.START)).containsExactly("cd /var/node && sudo -u nginx pm2 start hello.js",
                "printf '\\nnginx is listening on port 1080\\n\\n'");
        assertThat(commands(s, Phase.STOP)).containsExactly("sudo -u nginx pm2 kill");
    }

    @Test
    void nginxphp() throws IOException {
        ShipConfig s = read("nginxphp.conf");
        assertThat(s.services()).containsExactly("nginx", "php_fpm");
        assertThat(s.shipname()).contains("nginxphp");
        assertThat(s.packages()).containsExactly("nginx", "php56-fpm", "php56-mysql", "php56-mcrypt",
                "php56-mbstring", "php56-zlib");
        assertThat(s.shippath()).contains("/home/sailor/src/sailor/nginxphp");
        assertThat(commands(s, Phase.BUILD)).containsExactly(
                "/bin/mkdir -p /usr/pkg/etc/php.d",
                "/usr/sbin/pkg_info -D nginx php56-fpm php56-mysql php56-mcrypt php56-mbstring php56-zlib"
                        + "|/usr/bin/grep -oE '(zend_)*extension=.+' >>/usr/pkg/etc/php.d/extensions.ini");
        assertThat(commands(s, Phase.START)).containsExactly("printf '\\nnginx is listening on port 1080\\n\\n'");
    }

    @Test
    void callerVariablesAreKeptWithTheirOwnPosition() throws IOException {
        ShipConfig s = read("nginxphp.conf");
        assertThat(s.value("sysconfdir")).hasValueSatisfying(v -> {
            assertThat(v.value()).isEqualTo("/usr/pkg/etc");
            assertThat(v.position().file()).isEqualTo(ConfReader.CALLER);
        });
    }

    @Test
    void withoutSailorsVariablesTheLinterNamesThem() throws IOException {
        Path p = tmp.resolve("nginxphp.conf");
        try (InputStream in = getClass().getResourceAsStream("corpus/nginxphp.conf")) {
            Files.copy(in, p);
        }
        List<String> w = ConfReader.builder().sysroot(sysroot).build().lint(p).stream()
                .map(ConfWarning::toString).collect(Collectors.toList());
        assertThat(w).contains(
                p + ":4: warning: HOME is unset (sh expands it to an empty string)",
                p + ":6: warning: mkdir is unset (sh expands it to an empty string)",
                p + ":6: warning: sysconfdir is unset (sh expands it to an empty string)",
                p + ":7: warning: pkg_info is unset (sh expands it to an empty string)");
    }
}
