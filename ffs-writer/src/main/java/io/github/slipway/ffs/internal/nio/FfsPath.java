package io.github.slipway.ffs.internal.nio;

import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A path inside an image: "/"-separated names, absolute when it starts with "/". */
final class FfsPath implements Path {
    private final FfsFileSystem fs;
    private final boolean absolute;
    private final List<String> names;

    FfsPath(FfsFileSystem fs, String path) {
        this.fs = fs;
        this.absolute = path.startsWith("/");
        List<String> n = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                n.add(s);
            }
        }
        this.names = List.copyOf(n);
    }

    private FfsPath(FfsFileSystem fs, boolean absolute, List<String> names) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = List.copyOf(names);
    }

    private FfsPath check(Path other) {
        if (!(other instanceof FfsPath p)) {
            throw new ProviderMismatchException("not an ffs path: " + other);
        }
        return p;
    }

    @Override
    public FfsFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public Path getRoot() {
        return absolute ? new FfsPath(fs, true, List.of()) : null;
    }

    @Override
    public Path getFileName() {
        return names.isEmpty() ? null : new FfsPath(fs, false, List.of(names.get(names.size() - 1)));
    }

    @Override
    public Path getParent() {
        if (names.isEmpty() || (names.size() == 1 && !absolute)) {
            return null;
        }
        return new FfsPath(fs, absolute, names.subList(0, names.size() - 1));
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public Path getName(int index) {
        return new FfsPath(fs, false, List.of(names.get(index)));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return new FfsPath(fs, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        FfsPath o = check(other);
        return o.absolute == absolute && o.names.size() <= names.size()
                && names.subList(0, o.names.size()).equals(o.names);
    }

    @Override
    public boolean endsWith(Path other) {
        FfsPath o = check(other);
        if (o.absolute) {
            return equals(o);
        }
        return o.names.size() <= names.size()
                && names.subList(names.size() - o.names.size(), names.size()).equals(o.names);
    }

    @Override
    public Path normalize() {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals(".")) {
                continue;
            }
            if (n.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(n.equals("..") && absolute)) {
                out.add(n);
            }
        }
        return new FfsPath(fs, absolute, out);
    }

    @Override
    public Path resolve(Path other) {
        FfsPath o = check(other);
        if (o.absolute) {
            return o;
        }
        List<String> n = new ArrayList<>(names);
        n.addAll(o.names);
        return new FfsPath(fs, absolute, n);
    }

    @Override
    public Path resolve(String other) {
        return resolve(new FfsPath(fs, other));
    }

    @Override
    public Path relativize(Path other) {
        FfsPath o = check(other);
        if (o.absolute != absolute) {
            throw new IllegalArgumentException("one path is absolute, the other not: " + this + ", " + other);
        }
        int common = 0;
        while (common < names.size() && common < o.names.size() && names.get(common).equals(o.names.get(common))) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < names.size(); i++) {
            out.add("..");
        }
        out.addAll(o.names.subList(common, o.names.size()));
        return new FfsPath(fs, false, out);
    }

    @Override
    public URI toUri() {
        return URI.create(FfsFileSystemProvider.SCHEME + ":" + fs.image().toUri() + "!" + toAbsolutePath());
    }

    @Override
    public FfsPath toAbsolutePath() {
        return absolute ? this : new FfsPath(fs, true, names);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws java.io.IOException {
        FfsPath abs = (FfsPath) toAbsolutePath().normalize();
        fs.provider().checkAccess(abs);
        return abs;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("images do not change: no watch service");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(check(other).toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FfsPath p && p.fs == fs && p.absolute == absolute && p.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {absolute, names});
    }

    @Override
    public String toString() {
        return (absolute ? "/" : "") + String.join("/", names);
    }
}
