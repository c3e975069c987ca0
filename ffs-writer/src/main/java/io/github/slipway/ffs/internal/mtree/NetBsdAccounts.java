package io.github.slipway.ffs.internal.mtree;

/**
 * NetBSD's standard accounts, copied verbatim from the NetBSD source tree so that specs naming
 * {@code uname=operator} or {@code gname=kmem} resolve as they do on a stock NetBSD system
 * without a {@code -N} directory.
 */
public final class NetBsdAccounts {
    private NetBsdAccounts() {}

    /** NetBSD/src {@code etc/master.passwd} at commit 6cf660bd0fa6ef06bb67391a2305bb84b62d3997. */
    public static final String MASTER_PASSWD = """
            root::0:0::0:0:Charlie &:/root:/bin/csh
            toor:*:0:0::0:0:Bourne-again Superuser:/root:/bin/sh
            daemon:*:1:1::0:0:The devil himself:/:/sbin/nologin
            operator:*:2:5::0:0:System &:/usr/guest/operator:/sbin/nologin
            bin:*:3:7::0:0:Binaries Commands and Source:/:/sbin/nologin
            games:*:7:13::0:0:& pseudo-user:/usr/games:/sbin/nologin
            postfix:*:12:12::0:0:& pseudo-user:/var/spool/postfix:/sbin/nologin
            named:*:14:14::0:0:& pseudo-user:/var/chroot/named:/sbin/nologin
            ntpd:*:15:15::0:0:& pseudo-user:/var/chroot/ntpd:/sbin/nologin
            sshd:*:16:16::0:0:& pseudo-user:/var/chroot/sshd:/sbin/nologin
            _pflogd:*:18:18::0:0:& pseudo-user:/var/chroot/pflogd:/sbin/nologin
            _rwhod:*:19:19::0:0:& pseudo-user:/var/rwho:/sbin/nologin
            uucp:*:66:1::0:0:UNIX-to-UNIX Copy:/var/spool/uucppublic:/usr/libexec/uucp/uucico
            nobody:*:32767:39::0:0:Unprivileged user:/nonexistent:/sbin/nologin
            """;

    /** NetBSD/src {@code etc/group} at commit 03ca23d8c144097fe14d1fe31bae3331f9ff80f0. */
    public static final String GROUP = """
            wheel:*:0:root
            daemon:*:1:daemon
            kmem:*:2:root
            sys:*:3:root
            tty:*:4:root
            operator:*:5:root
            mail:*:6:
            bin:*:7:
            wsrc:*:9:
            maildrop:*:11:
            postfix:*:12:
            games:*:13:
            named:*:14:
            ntpd:*:15:
            sshd:*:16:
            _pflogd:*:18:
            _rwhod:*:19:
            staff:*:20:root
            _proxy:*:21:
            _timedc:*:22:
            _sdpd:*:23:
            _httpd:*:24:
            _mdnsd:*:25:
            _tests:*:26:
            _tcpdump:*:27:
            _tss:*:28:
            _gpio:*:29:
            _rtadvd:*:30:
            guest:*:31:root
            _unbound:*:32:
            _nsd:*:33:
            nvmm:*:34:root
            nobody:*:39:
            utmp:*:45:
            authpf:*:72:
            users:*:100:
            dialer:*:117:
            nogroup:*:32766:
            """;
}
