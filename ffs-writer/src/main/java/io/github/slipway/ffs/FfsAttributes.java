package io.github.slipway.ffs;

import java.time.Instant;
import java.util.Optional;

/**
 * What an image's inode says about a file ({@code struct ufs1_dinode}), as {@code stat(2)} would.
 *
 * <pre>{@code
 * FfsAttributes a = image.lookup("/dev/null").orElseThrow();
 * a.type();          // CHAR_DEVICE
 * a.device();        // Optional[DeviceNumber[major=2, minor=2]]
 * a.permissions();   // 0666
 * }</pre>
 *
 * @param inode the inode number
 * @param type the file type from {@code di_mode}
 * @param mode {@code di_mode} without the type bits: permissions, setuid, setgid, sticky
 * @param nlink {@code di_nlink}
 * @param uid {@code di_uid}
 * @param gid {@code di_gid}
 * @param size {@code di_size} in bytes
 * @param blocks {@code di_blocks}, in 512-byte units
 * @param accessTime {@code di_atime}/{@code di_atimensec}
 * @param modifyTime {@code di_mtime}/{@code di_mtimensec}
 * @param changeTime {@code di_ctime}/{@code di_ctimensec}
 * @param flags {@code di_flags} (chflags(2) bits)
 * @param generation {@code di_gen}
 * @param device the device number of a block or character device
 * @param symlinkTarget the target of a symbolic link
 */
public record FfsAttributes(
        long inode,
        EntryType type,
        int mode,
        int nlink,
        long uid,
        long gid,
        long size,
        long blocks,
        Instant accessTime,
        Instant modifyTime,
        Instant changeTime,
        int flags,
        int generation,
        Optional<DeviceNumber> device,
        Optional<String> symlinkTarget) {

    /** {@return the permission bits only ({@code mode & 0777})} */
    public int permissions() {
        return mode & 0777;
    }

    /** {@return whether this is a directory} */
    public boolean isDirectory() {
        return type == EntryType.DIRECTORY;
    }
}
