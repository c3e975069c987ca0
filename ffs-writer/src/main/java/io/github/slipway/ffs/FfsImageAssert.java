package io.github.slipway.ffs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link FfsImage}; the {@code withX} methods apply to the path named by the last
 * {@code hasX}. Failure messages say what the image holds instead (the entry's real type and
 * attributes, or the names in its directory).
 *
 * <pre>{@code
 * ImageAssertions.assertThat(image).hasFile("/etc/rc").withMode(0755).withOwner(0, 0);
 * }</pre>
 */
public final class FfsImageAssert extends AbstractAssert<FfsImageAssert, FfsImage> {
    private String current;
    private FfsAttributes currentAttributes;

    FfsImageAssert(FfsImage image) {
        super(image, FfsImageAssert.class);
    }

    private Optional<FfsAttributes> find(String path) {
        try {
            return actual.lookup(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(actual.name() + ": " + path, e);
        }
    }

    private String siblings(String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash <= 0 ? "/" : path.substring(0, slash);
        try {
            List<String> names = actual.list(dir).stream().map(FfsDirectoryEntry::name).sorted().toList();
            return dir + " holds " + names;
        } catch (IOException e) {
            return dir + " cannot be listed (" + e.getMessage() + ")";
        }
    }

    private static String describe(FfsAttributes a) {
        return String.format("%s mode 0%o uid %d gid %d size %d%s%s", a.type(), a.mode(), a.uid(), a.gid(), a.size(),
                a.device().map(d -> " device " + d.major() + "," + d.minor()).orElse(""),
                a.symlinkTarget().map(t -> " -> " + t).orElse(""));
    }

    private FfsImageAssert has(String path, EntryType type) {
        isNotNull();
        Optional<FfsAttributes> a = find(path);
        if (a.isEmpty()) {
            failWithMessage("Expecting %s in %s to be a %s, but there is no such path: %s", path, actual.name(), type,
                    siblings(path));
        }
        if (a.get().type() != type) {
            failWithMessage("Expecting %s in %s to be a %s, but it is a %s", path, actual.name(), type,
                    describe(a.get()));
        }
        current = path;
        currentAttributes = a.get();
        return this;
    }

    /**
     * {@return the image has a directory at {@code path} (not followed if a symlink)}
     *
     * @param path an absolute path inside the image
     */
    public FfsImageAssert hasDirectory(String path) {
        return has(path, EntryType.DIRECTORY);
    }

    /**
     * {@return the image has a regular file at {@code path}}
     *
     * @param path an absolute path inside the image
     */
    public FfsImageAssert hasFile(String path) {
        return has(path, EntryType.FILE);
    }

    /**
     * {@return the image has a character device at {@code path} with this number}
     *
     * @param path an absolute path inside the image
     * @param major the expected major number
     * @param minor the expected minor number
     */
    public FfsImageAssert hasCharDevice(String path, int major, int minor) {
        has(path, EntryType.CHAR_DEVICE);
        return withDevice(major, minor);
    }

    /**
     * {@return the image has a block device at {@code path} with this number}
     *
     * @param path an absolute path inside the image
     * @param major the expected major number
     * @param minor the expected minor number
     */
    public FfsImageAssert hasBlockDevice(String path, int major, int minor) {
        has(path, EntryType.BLOCK_DEVICE);
        return withDevice(major, minor);
    }

    /**
     * {@return the image has a symbolic link at {@code path} pointing at {@code target}}
     *
     * @param path an absolute path inside the image
     * @param target the expected link target
     */
    public FfsImageAssert hasSymlink(String path, String target) {
        has(path, EntryType.SYMLINK);
        String t = currentAttributes.symlinkTarget().orElse("");
        if (!t.equals(target)) {
            failWithMessage("Expecting symlink %s to point at <%s>, but it points at <%s>", path, target, t);
        }
        return this;
    }

    /**
     * Nothing exists at {@code path}.
     *
     * @param path an absolute path inside the image
     * @return this assertion, for chaining
     */
    public FfsImageAssert doesNotHave(String path) {
        isNotNull();
        find(path).ifPresent(a -> failWithMessage("Expecting no %s in %s, but there is a %s", path, actual.name(),
                describe(a)));
        return this;
    }

    private void needCurrent() {
        if (current == null) {
            throw new IllegalStateException("call hasFile/hasDirectory/... before withX");
        }
    }

    private FfsImageAssert withDevice(int major, int minor) {
        DeviceNumber d = currentAttributes.device().orElse(null);
        if (d == null || d.major() != major || d.minor() != minor) {
            failWithMessage("Expecting %s to be device %d,%d, but it is %s", current, major, minor,
                    describe(currentAttributes));
        }
        return this;
    }

    /**
     * {@return the last path's permission bits (with setuid, setgid, sticky) are {@code mode}}
     *
     * @param mode the permission bits, e.g. {@code 0755}
     */
    public FfsImageAssert withMode(int mode) {
        needCurrent();
        if (currentAttributes.mode() != mode) {
            failWithMessage("Expecting %s to have mode 0%o, but it is %s", current, mode, describe(currentAttributes));
        }
        return this;
    }

    /**
     * {@return the last path is owned by {@code uid}:{@code gid}}
     *
     * @param uid the expected owner
     * @param gid the expected group
     */
    public FfsImageAssert withOwner(long uid, long gid) {
        needCurrent();
        if (currentAttributes.uid() != uid || currentAttributes.gid() != gid) {
            failWithMessage("Expecting %s to be owned by %d:%d, but it is %s", current, uid, gid,
                    describe(currentAttributes));
        }
        return this;
    }

    /**
     * {@return the last path (a file) holds exactly {@code content}}
     *
     * @param content the expected bytes
     */
    public FfsImageAssert withContent(byte[] content) {
        needCurrent();
        byte[] got;
        try (InputStream in = actual.read(current)) {
            got = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(actual.name() + ": " + current, e);
        }
        if (!Arrays.equals(got, content)) {
            int i = 0;
            while (i < got.length && i < content.length && got[i] == content[i]) {
                i++;
            }
            failWithMessage("Expecting %s to hold %d bytes, but it holds %d, first difference at byte %d: %s",
                    current, content.length, got.length, i,
                    new String(got, 0, Math.min(got.length, 200), StandardCharsets.UTF_8));
        }
        return this;
    }

    /**
     * {@return the last path (a file) holds exactly {@code content} in UTF-8}
     *
     * @param content the expected text, compared as UTF-8
     */
    public FfsImageAssert withContent(String content) {
        return withContent(content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@link FfsChecker} finds nothing wrong with the image.
     *
     * @return this assertion, for chaining
     */
    public FfsImageAssert isFsckClean() {
        isNotNull();
        FsckReport r;
        try {
            r = FfsChecker.check(actual);
        } catch (IOException e) {
            throw new UncheckedIOException(actual.name(), e);
        }
        if (!r.isClean()) {
            failWithMessage("Expecting %s to be fsck clean, but the checker found:%n%s", actual.name(),
                    r.findings().stream().map(f -> "  phase " + f.phase() + " " + f.code() + ": " + f.message())
                            .collect(Collectors.joining("\n")));
        }
        return this;
    }
}
