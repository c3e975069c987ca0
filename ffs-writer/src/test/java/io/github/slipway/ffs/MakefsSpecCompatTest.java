package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slipway.ffs.internal.mtree.NetBsdAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * makefs -F against Debian's makefs: the same host tree and spec must give the same image
 * (in-core superblock bytes masked), and a spec makefs rejects must be rejected too.
 */
class MakefsSpecCompatTest {
    private static final long T = HostTrees.T;

    @TempDir
    Path tmp;

    private Path etc() throws IOException {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("master.passwd"), NetBsdAccounts.MASTER_PASSWD);
        Files.writeString(etc.resolve("group"), NetBsdAccounts.GROUP);
        return etc;
    }

    private Path resource(String name) throws IOException {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("mtree/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** Runs both; returns the makefs result after asserting equal images or equal failure. */
    private DebianMakefs.Result compare(Path tree, Path spec, boolean onlySpec, List<String> flags) throws Exception {
        HostTrees.stamp(tree);
        Path etc = etc();
        List<String> args = new ArrayList<>(List.of("-t", "ffs", "-o", "version=1", "-T", Long.toString(T),
                "-N", etc.toString(), "-F", spec.toString()));
        if (onlySpec) {
            args.add("-x");
        }
        args.addAll(flags);
        Path expected = tmp.resolve("expected.img");
        args.add(expected.toString());
        args.add(tree.toString());
        DebianMakefs.Result r = DebianMakefs.run(args);
        MakefsOptions.Builder b = MakefsOptions.builder().compat(true).timestamp(T);
        for (int i = 0; i < flags.size(); i += 2) {
            b.flag(flags.get(i).charAt(1), flags.get(i + 1));
        }
        Path actual = tmp.resolve("actual.img");
        if (r.exit() != 0) {
            assertThatThrownBy(() -> {
                ImageTree t = ImageTree.fromDirectories(List.of(tree));
                t.applySpec(MtreeSpec.parse(spec, UserDatabase.fromDirectory(etc)), tree, onlySpec,
                        Instant.ofEpochSecond(T));
                FfsWriter.write(t, b.build(), actual);
            }).as("makefs failed: %s", r.output()).isInstanceOf(IOException.class);
            assertThat(actual).doesNotExist();
            return r;
        }
        ImageTree t = ImageTree.fromDirectories(List.of(tree));
        t.applySpec(MtreeSpec.parse(spec, UserDatabase.fromDirectory(etc)), tree, onlySpec, Instant.ofEpochSecond(T));
        FfsWriter.write(t, b.build(), actual);
        Optional<String> diff = MaskedImageComparison.firstDifference(expected, actual);
        assertThat(diff).as("makefs said %s", r.output()).isEmpty();
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"makedev-amd64-all.spec", "makedev-amd64-fd.spec", "makedev-amd64-tap.spec"})
    void makedevSpecOnEmptyDirectory(String name) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("dev"));
        // makefs' estimate cannot hold 2873 device inodes (density follows the size): set both
        List<String> flags = name.contains("all") ? List.of("-o", "density=1024", "-M", "4m") : List.of("-M", "1m");
        DebianMakefs.Result r = compare(tree, resource(name), false, flags);
        assertThat(r.exit()).isZero();
    }

    @Test
    void makedevSpecOverHostEntriesAndOnlySpec() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("dev"));
        Files.createDirectories(tree.resolve("fd"));
        HostTrees.file(tree.resolve("stray"), 100, new Random(1));
        HostTrees.run("mknod", tree.resolve("console").toString(), "c", "5", "1");
        DebianMakefs.Result r = compare(tree, resource("makedev-amd64-fd.spec"), true, List.of("-B", "be", "-M", "1m"));
        assertThat(r.exit()).isZero();
    }

    @Test
    void overridesOptionalSizeLinkAndCreatedNodes() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("root"));
        Random rnd = new Random(7);
        HostTrees.file(tree.resolve("etc/rc"), 5000, rnd);
        HostTrees.file(tree.resolve("etc/motd"), 300, rnd);
        HostTrees.file(tree.resolve("bin/sh"), 70000, rnd);
        Files.createSymbolicLink(tree.resolve("bin/ksh"), Path.of("sh"));
        HostTrees.file(tree.resolve("opt/present"), 10, rnd);
        Path spec = tmp.resolve("root.spec");
        Files.writeString(spec, String.join("\n",
                "/set type=file uname=root gname=wheel mode=0444",
                ". type=dir mode=0755",
                "./etc type=dir mode=0755 uname=bin gname=operator",
                "./etc/rc mode=0555 time=" + T + ".0",
                "./etc/motd size=100 mode=0640 uid=12 gid=34",
                "./etc/passwd.new optional",
                "./etc/new type=dir mode=0700",
                "./etc/new/null type=char mode=0666 device=netbsd,2,2",
                "./etc/new/wd0a type=block mode=0640 gname=operator device=netbsd,0,0",
                "./etc/new/link type=link mode=0777 link=/some/where/far/away/beyond/sixty/bytes/of/target/text",
                "./etc/new/fifo type=fifo mode=0600",
                "./bin type=dir mode=0755",
                "./bin/ksh type=link mode=0755 link=/bin/sh",
                "./bin/sh mode=04555 uname=operator",
                "./opt type=dir mode=0755",
                "./opt/present optional mode=0600",
                "./opt/absent optional",
                ""));
        assertThat(compare(tree, spec, false, List.of("-M", "1m")).exit()).isZero();
    }

    @Test
    void typeMismatchFailsLikeMakefs() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("root"));
        HostTrees.file(tree.resolve("x"), 10, new Random(1));
        Path spec = tmp.resolve("bad.spec");
        Files.writeString(spec, ". type=dir\n./x type=dir mode=0755 uid=0 gid=0\n");
        DebianMakefs.Result r = compare(tree, spec, false, List.of("-M", "1m"));
        assertThat(r.exit()).isNotZero();
        ImageTree t = ImageTree.fromDirectories(List.of(tree));
        assertThatThrownBy(() -> t.applySpec(MtreeSpec.parse(spec), tree, false, Instant.EPOCH))
                .isInstanceOf(MtreeFormatException.class)
                .hasMessageContaining("bad.spec:2: ./x: ")
                .hasMessageContaining("type mismatch: specfile dir, tree file");
    }

    @Test
    void missingModeOfCreatedNodeFailsLikeMakefs() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("root"));
        Path spec = tmp.resolve("bad.spec");
        Files.writeString(spec, ". type=dir\n./dev type=char uid=0 gid=0 device=netbsd,1,1\n");
        DebianMakefs.Result r = compare(tree, spec, false, List.of("-M", "1m"));
        assertThat(r.exit()).isNotZero();
        ImageTree t = ImageTree.fromDirectories(List.of(tree));
        assertThatThrownBy(() -> t.applySpec(MtreeSpec.parse(spec), tree, false, Instant.EPOCH))
                .isInstanceOf(MtreeFormatException.class)
                .hasMessageContaining("bad.spec:2: ./dev: ")
                .hasMessageContaining("mode not provided");
    }
}
