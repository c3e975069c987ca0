package io.github.slipway.ffs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded random trees under random makefs options, each held to every oracle the exact-size
 * and compat tests use; a search for the cases the fixed seeds of the tests do not reach (the
 * stop-11 sweeps found five bugs this way). Not run by surefire: run it by hand after changing
 * the writer or the size search, over as many seeds as there is time for.
 *
 * <p>A third of the trees are inode-heavy (up to 6,000 empty files, short symbolic links, a few
 * data files, sometimes up to 3,000 device nodes), the rest {@link HostTrees#random} trees of up
 * to {@code maxEntries} entries. For each tree, in default mode: the image is fsck-clean and holds
 * every file's bytes and link's target; the dry run gives the same size; the image equals a
 * {@code -s} run at that size; a block less does not fit; and, without -b among the options, it
 * is no larger than makefs' {@code -M 1m} (or {@code -b 20%}) workaround. With {@code --compat},
 * the image equals Debian makefs' byte for byte (superblock bytes 728..855 masked), or both fail
 * and slipway leaves no image. Device nodes need root (mknod).
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp ffs-writer/target/classes:ffs-writer/target/test-classes io.github.slipway.ffs.RandomTreeSweep \
 *     FROM_SEED TO_SEED [maxEntries (500)] [work dir (/tmp/slipway-sweep)]
 * </pre>
 *
 * <p>Prints a line a tree and the failures at the end; exits 1 if any. A failing tree is kept in
 * the work folder under its seed; the others are removed.
 */
public final class RandomTreeSweep {
    private static final String[][] OPTIONS = {{}, {"-b", "5%"}, {"-b", "20%"}, {"-f", "20%"},
        {"-o", "bsize=4096,fsize=512"}, {"-o", "bsize=4096,fsize=4096"}, {"-o", "bsize=16384,fsize=2048"},
        {"-o", "density=2048"}, {"-o", "density=65536"}, {"-S", "4096"}, {"-B", "be"}, {"-o", "minfree=20"},
        {"-b", "1m"}, {"-o", "bsize=32768,fsize=4096"}, {"-f", "100"}, {"-o", "maxbpf=64,avgfilesize=1024"},
        {"-o", "optimization=space"}, {"-o", "maxbpcg=512"}, {"-o", "extent=16384,avgfpdir=4"},
        {"-B", "be", "-o", "bsize=65536,fsize=8192"}};

    private RandomTreeSweep() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: RandomTreeSweep FROM_SEED TO_SEED [maxEntries] [work dir]");
            System.exit(2);
        }
        long from = Long.parseLong(args[0]);
        long to = Long.parseLong(args[1]);
        int maxEntries = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Path work = Files.createDirectories(Path.of(args.length > 3 ? args[3] : "/tmp/slipway-sweep"));
        List<String> failures = new ArrayList<>();
        int done = 0;
        for (long seed = from; seed < to; seed++) {
            Random r = new Random(seed);
            Path dir = work.resolve("s" + seed);
            HostTrees.run("rm", "-rf", dir.toString());
            Path tree = Files.createDirectories(dir.resolve("tree"));
            boolean inodeHeavy = r.nextInt(3) == 0;
            if (inodeHeavy) {
                inodeHeavy(tree, r, seed);
            } else {
                HostTrees.random(tree, r, 5 + r.nextInt(r.nextBoolean() ? 60 : maxEntries));
            }
            List<String> flags = flags(r);
            if (flags == null) {
                // -S 4096 with a smaller fragment: a usage error, not a tree to test
                HostTrees.run("rm", "-rf", dir.toString());
                continue;
            }
            String what = "seed " + seed + (inodeHeavy ? " inode-heavy " : " ") + flags;
            try {
                System.out.println("ok " + what + ": " + check(dir, tree, flags, what));
                HostTrees.run("rm", "-rf", dir.toString());
            } catch (Exception | AssertionError e) {
                failures.add(what + ": " + e);
                System.out.println("FAIL " + what + ": " + e);
            }
            done++;
        }
        System.out.println(done + " trees, " + failures.size() + " failed");
        failures.forEach(System.out::println);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** Empty files, short links, a few data files, a few directories, sometimes device nodes. */
    private static void inodeHeavy(Path tree, Random r, long seed) throws IOException, InterruptedException {
        int n = 1 + r.nextInt(r.nextBoolean() ? 300 : 6000);
        List<Path> dirs = new ArrayList<>(List.of(tree));
        for (int i = 0; i < n; i++) {
            Path p = dirs.get(r.nextInt(dirs.size())).resolve("e" + i);
            int k = r.nextInt(50);
            if (k == 0) {
                Files.createDirectories(p);
                dirs.add(p);
            } else if (k < 5) {
                Files.createSymbolicLink(p, Path.of("t" + i));
            } else if (k == 5) {
                Files.write(p, new byte[r.nextInt(30000)]);
            } else {
                Files.createFile(p);
            }
        }
        int devs = r.nextInt(3) == 0 ? r.nextInt(3000) : 0;
        if (devs > 0) {
            HostTrees.run("python3", "-c", "import os,sys,stat,random\n"
                    + "r=random.Random(int(sys.argv[2]))\n"
                    + "for i in range(int(sys.argv[3])):\n"
                    + "  t=stat.S_IFCHR if r.random()<0.7 else stat.S_IFBLK\n"
                    + "  os.mknod(os.path.join(sys.argv[1],'dev%d'%i),t|0o640,os.makedev(r.randrange(256),r.randrange(1<<20)))\n",
                    tree.toString(), Long.toString(seed), Integer.toString(devs));
        }
    }

    /** One option set, sometimes two; null for a combination makefs refuses as usage. */
    private static List<String> flags(Random r) {
        String[] o1 = OPTIONS[r.nextInt(OPTIONS.length)];
        String[] o2 = r.nextInt(3) == 0 ? OPTIONS[r.nextInt(OPTIONS.length)] : new String[0];
        List<String> flags = new ArrayList<>(List.of(o1));
        if (o2.length > 0 && !o2[0].equals(o1.length > 0 ? o1[0] : "") && !Arrays.asList(o1).contains(o2[0])) {
            flags.addAll(List.of(o2));
        }
        String all = String.join(" ", flags);
        return all.contains("-S 4096") && all.matches(".*fsize=(512|1024|2048)\\b.*") ? null : flags;
    }

    private static MakefsOptions options(List<String> flags, boolean compat) {
        MakefsOptions.Builder b = MakefsOptions.builder().timestamp(0).compat(compat);
        for (int i = 0; i < flags.size(); i += 2) {
            b.flag(flags.get(i).charAt(1), flags.get(i + 1));
        }
        return b.build();
    }

    /** Every check of one tree; returns what it found, or throws naming what failed. */
    private static String check(Path dir, Path tree, List<String> flags, String what) throws Exception {
        MakefsOptions opts = options(flags, false);
        ImageTree t = ImageTree.fromDirectories(List.of(tree));
        Path img = dir.resolve("auto.img");
        long t0 = System.nanoTime();
        FfsWriter.Summary s = FfsWriter.write(t, opts, img);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        require(Files.size(img) == s.size(), what + ": file size " + Files.size(img) + " vs " + s.size());
        HostTrees.assertImageHolds(img, tree, what);
        long planned = FfsWriter.plan(t, opts, "plan", line -> { }).size();
        require(planned == s.size(), what + ": dry run " + planned + " vs " + s.size());
        Path fixed = dir.resolve("fixed.img");
        FfsWriter.write(t, opts.toBuilder().size(s.size()).build(), fixed);
        require(Files.mismatch(img, fixed) == -1, what + ": searched image differs from -s " + s.size());
        boolean smallerFails = false;
        try {
            FfsWriter.plan(t, opts.toBuilder().size(s.size() - s.blockSize()).build(), "smaller", line -> { });
        } catch (ImageFullException e) {
            smallerFails = true;
        }
        require(smallerFails, what + ": " + (s.size() - s.blockSize()) + " bytes fit too");
        String makefs = workaround(dir, tree, flags, s.size(), what);
        return "size " + s.size() + " (" + makefs + "), " + compat(dir, tree, flags, t, what) + ", " + ms + " ms";
    }

    /** makefs' workaround for its own estimate; slipway's size must not exceed it (without -b). */
    private static String workaround(Path dir, Path tree, List<String> flags, long size, String what)
            throws IOException, InterruptedException {
        Path mk = dir.resolve("mk.img");
        List<String> m1 = new ArrayList<>(flags);
        m1.addAll(List.of("-M", "1m", "-T", "0"));
        MakefsOracle.Run run = MakefsOracle.run(m1, mk, tree);
        if (run.status() != 0) {
            List<String> b20 = new ArrayList<>(flags);
            b20.addAll(List.of("-b", "20%", "-T", "0"));
            run = MakefsOracle.run(b20, mk, tree);
        }
        if (run.status() != 0) {
            return "makefs' workaround fails";
        }
        // with -b, makefs adds N% of its estimate where slipway keeps N% of the used space free
        require(flags.contains("-b") || size <= Files.size(mk), what + ": " + size + " bytes, makefs' workaround "
                + Files.size(mk));
        return "makefs' workaround " + Files.size(mk);
    }

    /** --compat against makefs with the same options: the same bytes, or both fail. */
    private static String compat(Path dir, Path tree, List<String> flags, ImageTree t, String what)
            throws IOException, InterruptedException {
        List<String> cf = new ArrayList<>(flags);
        cf.addAll(List.of("-T", "0"));
        Path expected = dir.resolve("makefs.img");
        Path actual = dir.resolve("compat.img");
        MakefsOracle.Run run = MakefsOracle.run(cf, expected, tree);
        MakefsOptions copts = options(flags, true);
        if (run.status() != 0) {
            boolean failed = false;
            try {
                FfsWriter.write(t, copts, actual);
            } catch (ImageFullException e) {
                failed = true;
            }
            require(failed && !Files.exists(actual), what + ": makefs failed (" + run.output().strip()
                    + "), --compat did not");
            return "--compat fails as makefs does";
        }
        FfsWriter.write(t, copts, actual);
        Optional<String> diff = MaskedImageComparison.firstDifference(expected, actual);
        require(diff.isEmpty(), what + ": --compat differs from makefs: " + diff.orElse(""));
        return "--compat identical";
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
