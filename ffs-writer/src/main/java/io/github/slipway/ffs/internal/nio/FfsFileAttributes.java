package io.github.slipway.ffs.internal.nio;

import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.FfsAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** An inode's attributes as {@code basic}, {@code posix} and {@code unix} views see them. */
final class FfsFileAttributes implements PosixFileAttributes {
    private final FfsAttributes a;

    FfsFileAttributes(FfsAttributes a) {
        this.a = a;
    }

    /** Owners are numeric in an image: the principal's name is the number. */
    record Id(String getName, boolean group) implements GroupPrincipal {
    }

    @Override
    public UserPrincipal owner() {
        return new Id(Long.toString(a.uid()), false);
    }

    @Override
    public GroupPrincipal group() {
        return new Id(Long.toString(a.gid()), true);
    }

    @Override
    public Set<PosixFilePermission> permissions() {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((a.mode() & (0400 >> i)) != 0) {
                s.add(all[i]);
            }
        }
        return s;
    }

    @Override
    public FileTime lastModifiedTime() {
        return FileTime.from(a.modifyTime());
    }

    @Override
    public FileTime lastAccessTime() {
        return FileTime.from(a.accessTime());
    }

    @Override
    public FileTime creationTime() {
        return FileTime.from(a.changeTime());
    }

    @Override
    public boolean isRegularFile() {
        return a.type() == EntryType.FILE;
    }

    @Override
    public boolean isDirectory() {
        return a.type() == EntryType.DIRECTORY;
    }

    @Override
    public boolean isSymbolicLink() {
        return a.type() == EntryType.SYMLINK;
    }

    @Override
    public boolean isOther() {
        return !isRegularFile() && !isDirectory() && !isSymbolicLink();
    }

    @Override
    public long size() {
        return a.size();
    }

    @Override
    public Object fileKey() {
        return a.inode();
    }

    /** The attributes of one view by name, for {@code Files.readAttributes(p, "unix:*")}. */
    Map<String, Object> view(String view) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lastModifiedTime", lastModifiedTime());
        m.put("lastAccessTime", lastAccessTime());
        m.put("creationTime", creationTime());
        m.put("size", size());
        m.put("isRegularFile", isRegularFile());
        m.put("isDirectory", isDirectory());
        m.put("isSymbolicLink", isSymbolicLink());
        m.put("isOther", isOther());
        m.put("fileKey", fileKey());
        if (view.equals("basic")) {
            return m;
        }
        m.put("permissions", permissions());
        m.put("owner", owner());
        m.put("group", group());
        if (view.equals("posix")) {
            return m;
        }
        m.put("mode", a.type().ifmt() | a.mode());
        m.put("ino", a.inode());
        m.put("dev", 0L);
        m.put("rdev", a.device().map(d -> Integer.toUnsignedLong(d.encode())).orElse(0L));
        m.put("nlink", a.nlink());
        m.put("uid", (int) a.uid());
        m.put("gid", (int) a.gid());
        m.put("ctime", FileTime.from(a.changeTime()));
        m.put("flags", a.flags());
        m.put("generation", a.generation());
        m.put("blocks", a.blocks());
        return m;
    }
}
