package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserDatabaseTest {
    @ParameterizedTest
    @CsvSource({"root,0", "toor,0", "daemon,1", "operator,2", "bin,3", "games,7", "postfix,12", "named,14",
        "ntpd,15", "sshd,16", "_pflogd,18", "_rwhod,19", "uucp,66", "nobody,32767"})
    void netbsdUsers(String name, long uid) {
        assertThat(UserDatabase.netbsd().uid(name)).hasValue(uid);
    }

    @ParameterizedTest
    @CsvSource({"wheel,0", "daemon,1", "kmem,2", "sys,3", "tty,4", "operator,5", "mail,6", "bin,7", "wsrc,9",
        "staff,20", "guest,31", "nvmm,34", "nobody,39", "utmp,45", "authpf,72", "users,100", "dialer,117",
        "nogroup,32766"})
    void netbsdGroups(String name, long gid) {
        assertThat(UserDatabase.netbsd().gid(name)).hasValue(gid);
    }

    @Test
    void idToNameTakesTheFirstLine() {
        UserDatabase db = UserDatabase.netbsd();
        assertThat(db.userName(0)).contains("root");
        assertThat(db.groupName(5)).contains("operator");
        assertThat(db.userName(12345)).isEmpty();
        assertThat(db.uid("nosuch")).isEmpty();
        assertThat(db.gid("nosuch")).isEmpty();
    }

    @Test
    void readsADirectoryLikeMakefsN(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("master.passwd"), """
                # comment
                root:*:0:0::0:0:Charlie:/root:/bin/sh

                www:*:80:80::0:0:web:/var/www:/sbin/nologin
                www2:*:80:80::0:0:web:/var/www:/sbin/nologin
                big:*:4294967295:1::0:0::/:/bin/sh
                """);
        Files.writeString(dir.resolve("group"), "wheel:*:0:root\nwww:*:80:\n");
        UserDatabase db = UserDatabase.fromDirectory(dir);
        assertThat(db.uid("www")).hasValue(80);
        assertThat(db.userName(80)).contains("www");
        assertThat(db.uid("big")).hasValue(4294967295L);
        assertThat(db.gid("www")).hasValue(80);
        assertThat(db.groupName(0)).contains("wheel");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "root:*:0:0:0:0:x:/:/bin/sh|master.passwd:1: expected 10 colon-separated fields, found 9",
        "root:*:x:0::0:0:x:/:/bin/sh|master.passwd:1: invalid uid `x'",
        "root:*:4294967296:0::0:0:x:/:/bin/sh|master.passwd:1: invalid uid `4294967296'",
        ":*:0:0::0:0:x:/:/bin/sh|master.passwd:1: empty name",
    })
    void badPasswdLines(String line, String message) {
        assertThatThrownBy(() -> UserDatabase.parse(new StringReader(line + "\n"), "master.passwd",
                new StringReader(""), "group"))
                .isInstanceOf(MtreeFormatException.class).hasMessage(message);
    }

    @Test
    void badGroupLineNamesFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("master.passwd"), "");
        Files.writeString(dir.resolve("group"), "wheel:*:0:root\nkmem:*:2\n");
        assertThatThrownBy(() -> UserDatabase.fromDirectory(dir))
                .isInstanceOf(MtreeFormatException.class)
                .hasMessage(dir.resolve("group") + ":2: expected 4 colon-separated fields, found 3");
    }

    @Test
    void missingFiles(@TempDir Path dir) {
        assertThatThrownBy(() -> UserDatabase.fromDirectory(dir)).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
