package io.github.slipway.ffs.internal.nio;

import io.github.slipway.ffs.FfsAttributes;
import io.github.slipway.ffs.FfsDirectoryEntry;
import io.github.slipway.ffs.FfsFormatException;
import io.github.slipway.ffs.FfsImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.ProviderMismatchException;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only {@code java.nio.file} provider for UFS1 images, scheme {@value #SCHEME}.
 *
 * <pre>{@code
 * try (FileSystem fs = FileSystems.newFileSystem(Path.of("root.img"))) {
 *     byte[] rc = Files.readAllBytes(fs.getPath("/etc/rc"));
 *     Map<String, Object> a = Files.readAttributes(fs.getPath("/dev/null"), "unix:*", NOFOLLOW_LINKS);
 *     try (Stream<Path> s = Files.walk(fs.getPath("/"))) { ... }
 * }
 * }</pre>
 *
 * <p>URIs look like {@code ffs:file:///path/root.img!/etc/rc}. Every write throws
 * {@link ReadOnlyFileSystemException}. {@code newFileSystem(Path)} throws
 * {@link UnsupportedOperationException} for a file that is not a UFS1 image, so that
 * {@code FileSystems.newFileSystem(path)} goes on to the next provider.
 */
public final class FfsFileSystemProvider extends FileSystemProvider {
    /** The URI scheme. */
    public static final String SCHEME = "ffs";
    private final Map<Path, FfsFileSystem> open = new HashMap<>();

    /** For the service loader. */
    public FfsFileSystemProvider() {
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    private static Path imageOf(URI uri) {
        if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an ffs: URI: " + uri);
        }
        String spec = uri.getRawSchemeSpecificPart();
        int bang = spec.indexOf('!');
        return Paths.get(URI.create(bang < 0 ? spec : spec.substring(0, bang))).toAbsolutePath().normalize();
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
        Path image = imageOf(uri);
        synchronized (open) {
            if (open.containsKey(image)) {
                throw new FileSystemAlreadyExistsException(image.toString());
            }
            FfsFileSystem fs = new FfsFileSystem(this, image, FfsImage.open(image));
            open.put(image, fs);
            return fs;
        }
    }

    @Override
    public FileSystem newFileSystem(Path path, Map<String, ?> env) throws IOException {
        if (path.getFileSystem() != java.nio.file.FileSystems.getDefault()) {
            throw new UnsupportedOperationException("images must be on the default file system: " + path);
        }
        FfsImage image;
        try {
            image = FfsImage.open(path);
        } catch (FfsFormatException e) {
            // not ours: let FileSystems.newFileSystem try the next provider
            UnsupportedOperationException u = new UnsupportedOperationException(e.getMessage());
            u.initCause(e);
            throw u;
        }
        return new FfsFileSystem(this, path.toAbsolutePath().normalize(), image);
    }

    void closed(FfsFileSystem fs) {
        synchronized (open) {
            open.remove(fs.image(), fs);
        }
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        synchronized (open) {
            FfsFileSystem fs = open.get(imageOf(uri));
            if (fs == null) {
                throw new FileSystemNotFoundException(uri.toString());
            }
            return fs;
        }
    }

    @Override
    public Path getPath(URI uri) {
        String spec = uri.getRawSchemeSpecificPart();
        int bang = spec.indexOf('!');
        return getFileSystem(uri).getPath(bang < 0 ? "/" : spec.substring(bang + 1));
    }

    private static FfsPath ffs(Path p) {
        if (!(p instanceof FfsPath f)) {
            throw new ProviderMismatchException("not an ffs path: " + p);
        }
        return f;
    }

    private static String abs(Path p) {
        return ffs(p).toAbsolutePath().toString();
    }

    private static boolean follow(LinkOption... options) {
        return !Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS);
    }

    FfsAttributes attributes(Path p, LinkOption... options) throws IOException {
        FfsPath f = ffs(p);
        FfsImage img = f.getFileSystem().ffs();
        return img.lookup(abs(p), options).orElseThrow(() -> new NoSuchFileException(p.toString()));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        for (OpenOption o : options) {
            if (o != StandardOpenOption.READ && o != LinkOption.NOFOLLOW_LINKS) {
                throw new ReadOnlyFileSystemException();
            }
        }
        FfsAttributes a = attributes(path);
        if (!a.type().equals(io.github.slipway.ffs.EntryType.FILE)) {
            throw new java.nio.file.FileSystemException(path.toString(), null, "not a regular file");
        }
        return new ReadChannel(ffs(path).getFileSystem().ffs(), abs(path), a.size());
    }

    /** Reads a file through a stream, reopened when the position moves backwards. */
    private static final class ReadChannel implements SeekableByteChannel {
        private final FfsImage image;
        private final String path;
        private final long size;
        private InputStream in;
        private long streamPos;
        private long pos;
        private boolean open = true;

        ReadChannel(FfsImage image, String path, long size) {
            this.image = image;
            this.path = path;
            this.size = size;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!open) {
                throw new java.nio.channels.ClosedChannelException();
            }
            if (pos >= size) {
                return -1;
            }
            if (in == null || streamPos > pos) {
                if (in != null) {
                    in.close();
                }
                in = image.read(path);
                streamPos = 0;
            }
            while (streamPos < pos) {
                long k = in.skip(pos - streamPos);
                if (k <= 0) {
                    return -1;
                }
                streamPos += k;
            }
            byte[] buf = new byte[(int) Math.min(dst.remaining(), 65536)];
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return -1;
            }
            dst.put(buf, 0, n);
            pos += n;
            streamPos += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return pos;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            if (newPosition < 0) {
                throw new IllegalArgumentException("negative position " + newPosition);
            }
            pos = newPosition;
            return this;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long s) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            open = false;
            if (in != null) {
                in.close();
            }
        }
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        FfsImage img = ffs(dir).getFileSystem().ffs();
        List<Path> out = new ArrayList<>();
        for (FfsDirectoryEntry e : img.list(abs(dir))) {
            Path child = dir.resolve(e.name());
            if (filter == null || filter.accept(child)) {
                out.add(child);
            }
        }
        return new DirectoryStream<>() {
            private boolean used;

            @Override
            public Iterator<Path> iterator() {
                if (used) {
                    throw new IllegalStateException("iterator already obtained");
                }
                used = true;
                return out.iterator();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void createLink(Path link, Path existing) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void delete(Path path) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        FfsImage img = ffs(link).getFileSystem().ffs();
        return link.getFileSystem().getPath(img.readSymbolicLink(abs(link)));
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        if (path.equals(path2)) {
            return true;
        }
        if (!(path2 instanceof FfsPath) || ffs(path).getFileSystem() != ffs(path2).getFileSystem()) {
            return false;
        }
        return attributes(path).inode() == attributes(path2).inode();
    }

    @Override
    public boolean isHidden(Path path) {
        Path n = path.getFileName();
        return n != null && n.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) {
        return ffs(path).getFileSystem().store();
    }

    void checkAccess(Path path) throws IOException {
        attributes(path);
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        attributes(path);
        for (AccessMode m : modes) {
            if (m == AccessMode.WRITE) {
                throw new AccessDeniedException(path.toString(), null, "read-only file system");
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class && type != PosixFileAttributeView.class) {
            return null;
        }
        return (V) new PosixFileAttributeView() {
            @Override
            public String name() {
                return type == BasicFileAttributeView.class ? "basic" : "posix";
            }

            @Override
            public PosixFileAttributes readAttributes() throws IOException {
                return new FfsFileAttributes(attributes(path, options));
            }

            @Override
            public void setTimes(FileTime m, FileTime a, FileTime c) {
                throw new ReadOnlyFileSystemException();
            }

            @Override
            public UserPrincipal getOwner() throws IOException {
                return readAttributes().owner();
            }

            @Override
            public void setOwner(UserPrincipal owner) {
                throw new ReadOnlyFileSystemException();
            }

            @Override
            public void setPermissions(Set<PosixFilePermission> perms) {
                throw new ReadOnlyFileSystemException();
            }

            @Override
            public void setGroup(GroupPrincipal group) {
                throw new ReadOnlyFileSystemException();
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (type != BasicFileAttributes.class && type != PosixFileAttributes.class) {
            throw new UnsupportedOperationException("no attributes of " + type.getName());
        }
        return (A) new FfsFileAttributes(attributes(path, options));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        String view = "basic";
        String names = attributes;
        int colon = attributes.indexOf(':');
        if (colon >= 0) {
            view = attributes.substring(0, colon);
            names = attributes.substring(colon + 1);
        }
        if (!Set.of("basic", "posix", "unix", "owner").contains(view)) {
            throw new UnsupportedOperationException("no attribute view " + view);
        }
        Map<String, Object> all = new FfsFileAttributes(attributes(path, options))
                .view(view.equals("owner") ? "posix" : view);
        if (names.equals("*")) {
            return all;
        }
        Map<String, Object> out = new HashMap<>();
        for (String n : names.split(",")) {
            if (!all.containsKey(n)) {
                throw new IllegalArgumentException("no attribute " + view + ":" + n);
            }
            out.put(n, all.get(n));
        }
        return out;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new ReadOnlyFileSystemException();
    }
}
