package io.github.slipway.examples.cli;

import io.github.slipway.ffs.FfsWriter;
import io.github.slipway.ffs.ImageTree;
import io.github.slipway.ffs.MakefsOptions;
import io.github.slipway.ffs.MtreeSpec;
import io.github.slipway.ffs.UserDatabase;
import io.github.slipway.ffs.internal.write.Timing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway makefs}: makefs(8) for FFSv1 images, with makefs' flags and summary lines.
 *
 * <pre>
 * slipway makefs -s 64m -T 0 -F dev.spec root.img destdir overlay
 * slipway makefs --compat -o bsize=4096,fsize=512 -B be root.img destdir
 * </pre>
 */
@Command(name = "makefs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes an FFSv1 (UFS1) image of one or more directories, like NetBSD makefs -t ffs.",
            "Entries are sorted by name unless --compat (makefs' readdir order, size estimate and failures)."})
final class MakefsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "-t", paramLabel = "TYPE", description = "file system type: only ffs")
    String type = "ffs";

    @Option(names = "-o", paramLabel = "OPT[,OPT...]", description = "ffs options: bsize, fsize, density, "
            + "minfree, maxbpg (maxbpf), avgfilesize, avgfpdir, extent, maxbpcg, version=1, "
            + "optimization=time|space, label")
    List<String> ffsOptions = new ArrayList<>();

    @Option(names = "-B", paramLabel = "ENDIAN", description = "byte order: be, le (4321, 1234, big, little)")
    String byteOrder;

    @Option(names = "-b", paramLabel = "N[%]", description = "free space: bytes, or a percentage of the space used, left free (--compat: added to makefs' estimate)")
    String freeBlocks;

    @Option(names = "-f", paramLabel = "N[%]", description = "free inodes: a count, or a percentage of those used, left free (--compat: added to makefs' estimate)")
    String freeFiles;

    @Option(names = "-F", paramLabel = "SPEC", description = "mtree spec applied to the tree")
    Path specFile;

    @Option(names = "-M", paramLabel = "SIZE", description = "minimum image size")
    String minSize;

    @Option(names = "-m", paramLabel = "SIZE", description = "maximum image size")
    String maxSize;

    @Option(names = "-N", paramLabel = "DIR", description = "master.passwd and group for uname/gname")
    Path userDb;

    @Option(names = "-s", paramLabel = "SIZE", description = "image size (-M and -m)")
    String size;

    @Option(names = "-S", paramLabel = "SIZE", description = "sector size")
    String sectorSize;

    @Option(names = "-T", paramLabel = "SECONDS", description = "every time stamp (NetBSD makefs)")
    String timestamp;

    @Option(names = "-O", paramLabel = "OFFSET", description = "start the file system at this byte offset")
    String offset;

    @Option(names = "-Z", description = "sparse image: holes for all-zero file blocks")
    boolean sparse;

    @Option(names = "-x", description = "leave out what the -F spec does not list")
    boolean onlySpec;

    @Option(names = "-d", paramLabel = "MASK", description = "debug mask (accepted, ignored)", hidden = true)
    String debug;

    @Option(names = "-n", description = "dry run: print the size, inodes and layout, write nothing")
    boolean dryRun;

    @Option(names = "--compat", description = "behave exactly like makefs (order, size estimate, failures)")
    boolean compat;

    @Option(names = "--clamp-time", description = "-T only lowers later times (Debian's makefs)")
    boolean clampTime;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "the image file to write")
    Path image;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DIR", description = "source directories, merged")
    List<Path> dirs;

    /** Where the summary goes when {@link MakefsFastPath} made this command (no picocli spec). */
    java.io.PrintWriter fastOut;

    @Override
    public Integer call() throws IOException {
        Timing.mark("command line parsed");
        if (!"ffs".equals(type)) {
            throw new IllegalArgumentException("-t " + type + ": only ffs is supported");
        }
        if (onlySpec && specFile == null) {
            throw new IllegalArgumentException("-x requires -F mtree-specfile");
        }
        MakefsOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            // a bad flag value is a usage error (exit 2), named by MakefsOptions ("-o bsize=3: not a power of 2");
            // a command made without picocli has no spec: it gets the plain exception
            throw spec == null ? e : new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        UserDatabase users = userDb == null ? UserDatabase.netbsd() : UserDatabase.fromDirectory(userDb);
        ImageTree tree = ImageTree.fromDirectories(dirs);
        Timing.mark("host walk");
        if (specFile != null) {
            MtreeSpec mtree = MtreeSpec.parse(specFile, users);
            long now = System.currentTimeMillis();
            Instant start = Instant.ofEpochMilli(now);
            if (options.timestamp().isPresent()) {
                long t = options.timestamp().getAsLong();
                start = clampTime && now / 1000 < t ? start : Instant.ofEpochSecond(t);
            }
            tree.applySpec(mtree, dirs.get(0), onlySpec, start);
        }
        var out = spec != null ? spec.commandLine().getOut() : fastOut;
        if (dryRun) {
            // (classes, not lambdas: a lambda's first call links through invokedynamic, 2-4 ms)
            FfsWriter.plan(tree, options, image.toString(), new java.util.function.Consumer<String>() {
                @Override
                public void accept(String line) {
                    if (!line.startsWith("Populating") && !line.startsWith("Image `")) {
                        out.println(line);
                    }
                }
            });
            out.flush();
            return 0;
        }
        FfsWriter.write(tree, options, image, new java.util.function.Consumer<String>() {
            @Override
            public void accept(String line) {
                out.println(line);
                out.flush();
            }
        });
        return 0;
    }

    /**
     * The makefs options the flags give.
     *
     * @return the checked options
     * @throws IllegalArgumentException naming the flag whose value makefs' rules refuse
     */
    MakefsOptions options() {
        MakefsOptions.Builder b = MakefsOptions.builder().compat(compat).clampTime(clampTime).sparse(sparse);
        apply(b, 'O', offset);
        for (String o : ffsOptions) {
            b.flag('o', o);
        }
        apply(b, 'B', byteOrder);
        apply(b, 'b', freeBlocks);
        apply(b, 'f', freeFiles);
        apply(b, 's', size);
        apply(b, 'M', minSize);
        apply(b, 'm', maxSize);
        apply(b, 'S', sectorSize);
        apply(b, 'T', timestamp);
        return b.build();
    }

    private static void apply(MakefsOptions.Builder b, char flag, String value) {
        if (value != null) {
            b.flag(flag, value);
        }
    }
}
