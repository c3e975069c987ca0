package io.github.slipway.ffs;

import java.time.Instant;

/**
 * The attributes an FFS inode keeps besides its type and contents: permission bits (including
 * setuid, setgid and sticky), owner, group, the three timestamps with nanoseconds, and the
 * chflags(2) file flags.
 *
 * <pre>{@code
 * Metadata m = Metadata.of(0755, 0, 0, Instant.ofEpochSecond(1600000000));
 * Metadata setuid = m.withPermissions(04755).withOwner(0, 5);
 * }</pre>
 *
 * @param permissions the mode bits below {@code S_IFMT}: 0 to 07777
 * @param uid owner, 0 to 2^32-1
 * @param gid group, 0 to 2^32-1
 * @param atime last access ({@code di_atime}, {@code di_atimensec})
 * @param mtime last modification
 * @param ctime last inode change
 * @param flags chflags(2) bits ({@code di_flags})
 */
public record Metadata(int permissions, long uid, long gid, Instant atime, Instant mtime,
                       Instant ctime, int flags) {
    /**
     * Checks ranges.
     *
     * @param permissions the mode bits below {@code S_IFMT}: 0 to 07777
     * @param uid owner, 0 to 2^32-1
     * @param gid group, 0 to 2^32-1
     * @param atime last access
     * @param mtime last modification
     * @param ctime last inode change
     * @param flags chflags(2) bits
     * @throws IllegalArgumentException naming the value out of range
     * @throws NullPointerException if a time is null
     */
    public Metadata {
        if ((permissions & ~07777) != 0) {
            throw new IllegalArgumentException(String.format("permissions not in 0..07777: 0%o", permissions));
        }
        if (uid < 0 || uid > 0xffffffffL) {
            throw new IllegalArgumentException("uid out of range: " + uid);
        }
        if (gid < 0 || gid > 0xffffffffL) {
            throw new IllegalArgumentException("gid out of range: " + gid);
        }
        java.util.Objects.requireNonNull(atime, "atime");
        java.util.Objects.requireNonNull(mtime, "mtime");
        java.util.Objects.requireNonNull(ctime, "ctime");
    }

    /**
     * Metadata with all three times equal to {@code time} and no flags.
     *
     * @param permissions the mode bits below {@code S_IFMT}: 0 to 07777
     * @param uid owner, 0 to 2^32-1
     * @param gid group, 0 to 2^32-1
     * @param time access, modification and change time
     * @return the metadata
     * @throws IllegalArgumentException naming the value out of range
     */
    public static Metadata of(int permissions, long uid, long gid, Instant time) {
        return new Metadata(permissions, uid, gid, time, time, time, 0);
    }

    /**
     * A copy with other permission bits.
     *
     * @param p the mode bits below {@code S_IFMT}: 0 to 07777
     * @return the copy
     * @throws IllegalArgumentException if {@code p} is not in 0..07777
     */
    public Metadata withPermissions(int p) {
        return new Metadata(p, uid, gid, atime, mtime, ctime, flags);
    }

    /**
     * A copy with another owner and group.
     *
     * @param newUid owner, 0 to 2^32-1
     * @param newGid group, 0 to 2^32-1
     * @return the copy
     * @throws IllegalArgumentException naming the id out of range
     */
    public Metadata withOwner(long newUid, long newGid) {
        return new Metadata(permissions, newUid, newGid, atime, mtime, ctime, flags);
    }

    /**
     * A copy with other times.
     *
     * @param a last access
     * @param m last modification
     * @param c last inode change
     * @return the copy
     */
    public Metadata withTimes(Instant a, Instant m, Instant c) {
        return new Metadata(permissions, uid, gid, a, m, c, flags);
    }

    /**
     * A copy with other file flags.
     *
     * @param f chflags(2) bits ({@code di_flags})
     * @return the copy
     */
    public Metadata withFlags(int f) {
        return new Metadata(permissions, uid, gid, atime, mtime, ctime, f);
    }
}
