package io.github.slipway.examples.cli;

import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.FfsAttributes;
import io.github.slipway.ffs.FfsDirectoryEntry;
import io.github.slipway.ffs.FfsImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slipway ls [-lR] IMAGE [PATH]}: list a directory inside an image, like ls(1), sorted by name. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List a directory inside an FFS image (numeric owners, times in UTC).")
final class LsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "-l", description = "long format: mode, links, uid, gid, size or device, mtime, name")
    boolean longFormat;

    @Option(names = "-R", description = "list subdirectories recursively")
    boolean recursive;

    @Parameters(index = "0", paramLabel = "IMAGE")
    Path image;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH", defaultValue = "/")
    String path;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (FfsImage img = FfsImage.open(image)) {
            try {
                FfsAttributes a = img.lookup(path).orElseThrow(() -> new NoSuchFileException(path));
                if (!a.isDirectory()) {
                    FfsAttributes self = img.lookup(path, LinkOption.NOFOLLOW_LINKS).orElse(a);
                    out.println(longFormat ? line(self, path) : path);
                    return 0;
                }
                Set<Long> seen = new HashSet<>();
                list(img, path, a.inode(), out, seen, false);
            } catch (FileSystemException e) {
                out.flush();
                // the reader names paths inside the image only; the user needs the image too
                throw Slipway.inImage(image, e);
            }
        }
        out.flush();
        return 0;
    }

    private void list(FfsImage img, String dir, long ino, PrintWriter out, Set<Long> seen, boolean header)
            throws IOException {
        if (!seen.add(ino)) {
            return; // a directory reached twice: a damaged image, do not loop
        }
        if (header) {
            out.println();
            out.println(dir + ":");
        }
        List<FfsDirectoryEntry> entries = new ArrayList<>(img.list(dir));
        entries.sort(Comparator.comparing(FfsDirectoryEntry::name));
        List<FfsDirectoryEntry> subdirs = new ArrayList<>();
        for (FfsDirectoryEntry e : entries) {
            out.println(longFormat ? line(img.attributes(e.inode()), e.name()) : e.name());
            if (e.type() == EntryType.DIRECTORY) {
                subdirs.add(e);
            }
        }
        if (recursive) {
            for (FfsDirectoryEntry e : subdirs) {
                list(img, (dir.endsWith("/") ? dir : dir + "/") + e.name(), e.inode(), out, seen, true);
            }
        }
    }

    static String line(FfsAttributes a, String name) {
        String sizeOrDev = a.device().map(d -> d.major() + ", " + d.minor()).orElse(Long.toString(a.size()));
        String link = a.symlinkTarget().map(t -> " -> " + t).orElse("");
        return String.format(Locale.ROOT, "%s %3d %5d %5d %9s %s %s%s", modeString(a.type(), a.mode()), a.nlink(),
                a.uid(), a.gid(), sizeOrDev, TIME.format(a.modifyTime()), name, link);
    }

    /** The ls(1) mode column: type letter, then rwx with s/S/t/T. */
    static String modeString(EntryType type, int mode) {
        char t = switch (type) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case CHAR_DEVICE -> 'c';
            case BLOCK_DEVICE -> 'b';
            case FIFO -> 'p';
            case SOCKET -> 's';
            case FILE -> '-';
        };
        StringBuilder sb = new StringBuilder().append(t);
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (0400 >> i)) != 0 ? rwx.charAt(i) : '-');
        }
        special(sb, 3, (mode & 04000) != 0, 's');
        special(sb, 6, (mode & 02000) != 0, 's');
        special(sb, 9, (mode & 01000) != 0, 't');
        return sb.toString();
    }

    private static void special(StringBuilder sb, int at, boolean set, char c) {
        if (set) {
            sb.setCharAt(at, sb.charAt(at) == 'x' ? c : Character.toUpperCase(c));
        }
    }
}
