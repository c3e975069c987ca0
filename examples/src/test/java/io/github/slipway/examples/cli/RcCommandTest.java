package io.github.slipway.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RcCommandTest {
    @TempDir
    Path tmp;

    /** The fakecracker article's ship (see rc-generator's test resources). */
    static final String FAKECRACKER = "shipname=fakecracker\n"
            + "shippath=\"${HOME}/src/sailor/${shipname}\"\n"
            + "shipbins=\"/bin/sh /sbin/init /usr/bin/printf /sbin/mount /sbin/mount_ffs /bin/ls /sbin/mknod"
            + " /sbin/ifconfig /usr/bin/nc /usr/bin/tail\"\n"
            + "packages=\"nginx\"\n"
            + "ip_vioif0=\"192.168.2.101/24\"\n"
            + "run_at_build=\"cd /dev && sh MAKEDEV all_md\"\n";

    Path conf(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void printsTheArticleStyleRc() throws Exception {
        Path c = conf("fakecracker.conf", FAKECRACKER);
        SlipwayTest.Result r = SlipwayTest.run("rc", "--set", "HOME=/home/sailor", "--set", "services=nginx",
                "--service", "nginx=/usr/pkg/sbin/nginx", "--tail", "/var/log/nginx/access.log", c.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("#!/bin/sh\n")
                .contains("\nifconfig 'vioif0' '192.168.2.101/24' up\n")
                .contains("\nprintf '\\nstarting %s.. ' 'nginx'\n'/usr/pkg/sbin/nginx'\necho 'done'\n")
                .contains("\ntail -f '/var/log/nginx/access.log' &\nship_waitpid=$!\nwait \"$ship_waitpid\"\n")
                .endsWith("\nexit 0\n");
    }

    @Test
    void printsRcConfAndFstabOnRequest() throws Exception {
        Path c = conf("nginx.conf", "services=\"nginx php_fpm\"\nshipname=nginx\n");
        SlipwayTest.Result conf = SlipwayTest.run("rc", "--file", "rc.conf", c.toString());
        assertThat(conf.out()).endsWith("rc_configured=YES\nnginx=YES\nphp_fpm=YES\n");
        SlipwayTest.Result fstab = SlipwayTest.run("rc", "--file", "fstab", "--root-device", "NAME=shiproot",
                c.toString());
        assertThat(fstab.out()).endsWith("\nNAME=shiproot / ffs rw 1 1\n");
        SlipwayTest.Result rcd = SlipwayTest.run("rc", "--tmpfs", "/tmp", "--default-route", "10.0.0.1",
                "--no-hostname", "--exit", c.toString());
        assertThat(SlipwayTest.run("rc", "--exit", "--file", "rc.shutdown", c.toString()).out())
                .endsWith("\n'/etc/rc.d/php_fpm' onestop\n'/etc/rc.d/nginx' onestop\n");
        assertThat(SlipwayTest.run("rc", "--file", "rc.shutdown", c.toString()).status())
                .isEqualTo(Slipway.EXIT_USAGE);
        assertThat(rcd.out()).contains("\nmount -t tmpfs tmpfs '/tmp'\n", "\nroute add default '10.0.0.1'\n",
                "\n'/etc/rc.d/nginx' onestart\n'/etc/rc.d/php_fpm' onestart\n").doesNotContain("hostname");
    }

    @Test
    void injectionInTheConfIsBadInputNamingTheLine() throws Exception {
        Path c = conf("evil.conf", "shipname=evil\nip_vioif0=\"10.0.0.2/24; rm -rf /\"\n");
        SlipwayTest.Result r = SlipwayTest.run("rc", c.toString());
        assertThat(r.status()).isEqualTo(Slipway.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("slipway: " + c + ":2:1: ip_vioif0: '10.0.0.2/24;' (of '10.0.0.2/24;"
                + " rm -rf /') is not an IPv4 or IPv6 address with an optional /prefix\n");
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Path c = conf("nginx.conf", "services=nginx\nshipname=nginx\n");
        assertThat(SlipwayTest.run("rc", "--style", "fast", c.toString()).status()).isEqualTo(Slipway.EXIT_USAGE);
        SlipwayTest.Result rel = SlipwayTest.run("rc", "--tmpfs", "tmp", c.toString());
        assertThat(rel.status()).isEqualTo(Slipway.EXIT_USAGE);
        assertThat(rel.err()).isEqualTo("slipway: rc: --tmpfs: 'tmp' is not an absolute path (try 'slipway rc --help')\n");
        assertThat(SlipwayTest.run("rc", "--style", "rcd", "--service", "nginx=/usr/pkg/sbin/nginx", c.toString())
                .status()).isEqualTo(Slipway.EXIT_USAGE);
        assertThat(SlipwayTest.run("rc", "--tail", "/x", "--exit", c.toString()).status())
                .isEqualTo(Slipway.EXIT_USAGE);
        SlipwayTest.Result missing = SlipwayTest.run("rc", tmp.resolve("nope.conf").toString());
        assertThat(missing.status()).isEqualTo(Slipway.EXIT_BAD_INPUT);
    }
}
