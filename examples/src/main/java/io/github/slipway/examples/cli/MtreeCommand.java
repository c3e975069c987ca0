package io.github.slipway.examples.cli;

import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.FfsAttributes;
import io.github.slipway.ffs.FfsDirectoryEntry;
import io.github.slipway.ffs.FfsImage;
import io.github.slipway.ffs.MtreeEntry;
import io.github.slipway.ffs.MtreeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway mtree IMAGE}: the image's contents as an mtree(5) spec (type, mode, uid, gid,
 * size, link, device, time, flags, sha256), one full-path line per entry, directories before their
 * children, names sorted. makefs {@code -F} accepts it, so image → spec → image round-trips.
 */
@Command(name = "mtree", mixinStandardHelpOptions = true,
        description = "Print an FFS image's contents as an mtree spec (makefs -F accepts it).")
final class MtreeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE")
    Path image;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (FfsImage img = FfsImage.open(image)) {
            List<MtreeEntry> entries = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            try {
                FfsAttributes root = img.lookup("/").orElseThrow(
                        () -> new NoSuchFileException("/", null, "no root directory"));
                walk(img, "/", ".", root, entries, seen);
            } catch (FileSystemException e) {
                // the reader names paths inside the image only; the user needs the image too
                throw Slipway.inImage(image, e);
            }
            out.print(MtreeWriter.toString(entries));
        }
        out.flush();
        return 0;
    }

    private static void walk(FfsImage img, String path, String specPath, FfsAttributes dir, List<MtreeEntry> out,
            Set<Long> seen) throws IOException {
        out.add(entry(img, path, specPath, dir));
        if (!seen.add(dir.inode())) {
            return; // a directory reached twice: a damaged image, do not loop
        }
        List<FfsDirectoryEntry> children = new ArrayList<>(img.list(path));
        children.sort(Comparator.comparing(FfsDirectoryEntry::name));
        for (FfsDirectoryEntry c : children) {
            String childPath = (path.equals("/") ? "" : path) + "/" + c.name();
            String childSpec = specPath + "/" + c.name();
            FfsAttributes a = img.attributes(c.inode());
            if (a.type() == EntryType.DIRECTORY) {
                walk(img, childPath, childSpec, a, out, seen);
            } else {
                out.add(entry(img, childPath, childSpec, a));
            }
        }
    }

    private static MtreeEntry entry(FfsImage img, String path, String specPath, FfsAttributes a) throws IOException {
        MtreeEntry.Builder b = MtreeEntry.builder(specPath).type(a.type()).mode(a.mode()).uid(a.uid()).gid(a.gid())
                .time(a.modifyTime());
        if (a.flags() != 0) {
            b.flags(a.flags());
        }
        a.symlinkTarget().ifPresent(b::link);
        a.device().ifPresent(b::device);
        if (a.type() == EntryType.FILE) {
            b.size(a.size());
            b.digest("sha256", sha256(img, path));
        }
        return b.build();
    }

    private static String sha256(FfsImage img, String path) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] buf = new byte[65536];
        try (InputStream in = img.read(path)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
