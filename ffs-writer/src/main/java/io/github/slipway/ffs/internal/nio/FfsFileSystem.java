package io.github.slipway.ffs.internal.nio;

import io.github.slipway.ffs.FfsImage;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

/** One image mounted read-only. */
final class FfsFileSystem extends FileSystem {
    private final FfsFileSystemProvider provider;
    private final Path imagePath;
    private final FfsImage image;
    private volatile boolean open = true;

    FfsFileSystem(FfsFileSystemProvider provider, Path imagePath, FfsImage image) {
        this.provider = provider;
        this.imagePath = imagePath;
        this.image = image;
    }

    Path image() {
        return imagePath;
    }

    FfsImage ffs() {
        if (!open) {
            throw new java.nio.file.ClosedFileSystemException();
        }
        return image;
    }

    @Override
    public FfsFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            provider.closed(this);
            image.close();
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(new FfsPath(this, "/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of(store());
    }

    FileStore store() {
        return new FileStore() {
            @Override
            public String name() {
                return imagePath.toString();
            }

            @Override
            public String type() {
                return "ffs";
            }

            @Override
            public boolean isReadOnly() {
                return true;
            }

            @Override
            public long getTotalSpace() {
                return imagePathSize();
            }

            @Override
            public long getUsableSpace() {
                return 0;
            }

            @Override
            public long getUnallocatedSpace() {
                return 0;
            }

            @Override
            public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
                return type == java.nio.file.attribute.BasicFileAttributeView.class
                        || type == java.nio.file.attribute.PosixFileAttributeView.class;
            }

            @Override
            public boolean supportsFileAttributeView(String name) {
                return supportedFileAttributeViews().contains(name);
            }

            @Override
            public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
                return null;
            }

            @Override
            public Object getAttribute(String attribute) {
                throw new UnsupportedOperationException("no file store attribute " + attribute);
            }
        };
    }

    private long imagePathSize() {
        try {
            return java.nio.file.Files.size(imagePath);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic", "posix", "owner", "unix");
    }

    @Override
    public Path getPath(String first, String... more) {
        StringBuilder sb = new StringBuilder(first);
        for (String m : more) {
            sb.append('/').append(m);
        }
        return new FfsPath(this, sb.toString());
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        // the default file system's matcher works on toString(), which is "/"-separated here too
        return FileSystems.getDefault().getPathMatcher(syntaxAndPattern);
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("owners in an image are numbers: read unix:uid");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("images do not change: no watch service");
    }
}
