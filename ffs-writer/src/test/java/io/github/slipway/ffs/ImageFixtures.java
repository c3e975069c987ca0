package io.github.slipway.ffs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Seeded trees and the makefs images made of them, cached per test run. */
final class ImageFixtures {
    /** Both byte orders, block sizes 4K..64K, 1 to 8 fragments a block, one and many cylinder groups. */
    static final List<Makefs.Config> CONFIGS = List.of(
            new Makefs.Config("le", "bsize=8192,fsize=1024", 0),
            new Makefs.Config("be", "bsize=8192,fsize=1024", 0),
            new Makefs.Config("le", "bsize=4096,fsize=512,density=2048,maxbpcg=1024", 0),
            new Makefs.Config("be", "bsize=4096,fsize=512,density=2048,maxbpcg=1024", 0),
            new Makefs.Config("be", "bsize=16384,fsize=2048", 0),
            new Makefs.Config("le", "bsize=32768,fsize=4096", 0),
            new Makefs.Config("be", "bsize=65536,fsize=8192", 0),
            // 4, 2 and 1 fragments a block, and other free-space options
            new Makefs.Config("le", "bsize=8192,fsize=2048,minfree=0,optimization=space", 0),
            new Makefs.Config("be", "bsize=4096,fsize=2048,density=4096", 0),
            new Makefs.Config("le", "bsize=4096,fsize=4096,avgfilesize=4096,avgfpdir=8", 0));

    record Fixture(long seed, Makefs.Config config, Path tree, Path image) {
    }

    private static final Map<String, Fixture> CACHE = new ConcurrentHashMap<>();
    private static Path base;

    private ImageFixtures() {
    }

    static synchronized Path base() throws IOException {
        if (base == null) {
            base = Files.createTempDirectory("ffsr-fixtures");
            Path dir = base;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        }
        return base;
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort at exit: a leftover temp folder is no test failure
        }
    }

    static int blockSize(Makefs.Config c) {
        for (String o : c.options().split(",")) {
            if (o.startsWith("bsize=")) {
                return Integer.parseInt(o.substring(6));
            }
        }
        return 8192;
    }

    /** The image of the tree made from {@code seed}, made once per run. */
    static Fixture fixture(long seed, Makefs.Config c) throws IOException, InterruptedException {
        String key = seed + "/" + c;
        Fixture f = CACHE.get(key);
        if (f != null) {
            return f;
        }
        Path dir = base().resolve("t" + CACHE.size());
        Path tree = dir.resolve("tree");
        long bytes = GeneratedTree.generate(seed, tree, 70, blockSize(c));
        long size = ((bytes * 2 + (16L << 20)) >> 20) << 20;
        Path image = Makefs.make(dir.resolve("img"), tree, new Makefs.Config(c.order(), c.options(), size));
        f = new Fixture(seed, c, tree, image);
        CACHE.put(key, f);
        return f;
    }
}
