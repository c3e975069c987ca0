package io.github.slipway.ffs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of an image tree: what an FFS inode holds (type, {@link Metadata}, contents, link
 * target or device number). A directory also holds its entries in order. Adding the same
 * non-directory node under two names makes a hard link; the writer counts the links.
 *
 * <pre>{@code
 * Instant t = Instant.ofEpochSecond(1600000000);
 * ImageNode root = ImageNode.directory(Metadata.of(0755, 0, 0, t));
 * ImageNode etc = ImageNode.directory(Metadata.of(0755, 0, 0, t));
 * root.add("etc", etc);
 * ImageNode motd = ImageNode.file(Metadata.of(0644, 0, 0, t), FileContent.of("hi\n".getBytes()));
 * etc.add("motd", motd).add("motd.link", motd);                 // a hard link
 * root.add("null", ImageNode.device(EntryType.CHAR_DEVICE, Metadata.of(0666, 0, 0, t),
 *         new DeviceNumber(2, 2)));
 * }</pre>
 */
public final class ImageNode {
    /** The longest name a directory entry holds ({@code FFS_MAXNAMLEN}). */
    public static final int MAXNAMLEN = 255;

    private final EntryType type;
    private Metadata metadata;
    private FileContent content;
    private String linkTarget;
    private DeviceNumber device;
    private final List<String> names;
    private final Map<String, ImageNode> children;

    private ImageNode(EntryType type, Metadata metadata) {
        this.type = Objects.requireNonNull(type, "type");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.names = type == EntryType.DIRECTORY ? new ArrayList<>() : List.of();
        this.children = type == EntryType.DIRECTORY ? new HashMap<>() : Map.of();
    }

    /**
     * An empty directory.
     *
     * @param metadata permissions, owner, times and flags
     * @return the node
     */
    public static ImageNode directory(Metadata metadata) {
        return new ImageNode(EntryType.DIRECTORY, metadata);
    }

    /**
     * A regular file.
     *
     * @param metadata permissions, owner, times and flags
     * @param content where its bytes come from
     * @return the node
     */
    public static ImageNode file(Metadata metadata, FileContent content) {
        ImageNode n = new ImageNode(EntryType.FILE, metadata);
        n.content = Objects.requireNonNull(content, "content");
        return n;
    }

    /**
     * A symbolic link (the target is not checked: links may dangle).
     *
     * @param metadata permissions, owner, times and flags
     * @param target the link's contents
     * @return the node
     * @throws IllegalArgumentException if {@code target} holds a NUL byte
     */
    public static ImageNode symlink(Metadata metadata, String target) {
        ImageNode n = new ImageNode(EntryType.SYMLINK, metadata);
        n.setLinkTarget(target);
        return n;
    }

    /**
     * A character or block device node.
     *
     * @param type {@link EntryType#CHAR_DEVICE} or {@link EntryType#BLOCK_DEVICE}
     * @param metadata permissions, owner, times and flags
     * @param device the NetBSD major and minor number
     * @return the node
     * @throws IllegalArgumentException if {@code type} is no device type
     */
    public static ImageNode device(EntryType type, Metadata metadata, DeviceNumber device) {
        if (!type.isDevice()) {
            throw new IllegalArgumentException("not a device type: " + type);
        }
        ImageNode n = new ImageNode(type, metadata);
        n.device = Objects.requireNonNull(device, "device");
        return n;
    }

    /**
     * A named pipe.
     *
     * @param metadata permissions, owner, times and flags
     * @return the node
     */
    public static ImageNode fifo(Metadata metadata) {
        return new ImageNode(EntryType.FIFO, metadata);
    }

    /**
     * A socket.
     *
     * @param metadata permissions, owner, times and flags
     * @return the node
     */
    public static ImageNode socket(Metadata metadata) {
        return new ImageNode(EntryType.SOCKET, metadata);
    }

    /**
     * A node of any type with no contents yet (files get empty contents, symbolic links an empty
     * target, devices 0,0).
     *
     * @param type the file type
     * @param metadata permissions, owner, times and flags
     * @return the node
     */
    public static ImageNode ofType(EntryType type, Metadata metadata) {
        return switch (type) {
            case DIRECTORY -> directory(metadata);
            case FILE -> file(metadata, FileContent.of(new byte[0]));
            case SYMLINK -> symlink(metadata, "");
            case CHAR_DEVICE, BLOCK_DEVICE -> device(type, metadata, new DeviceNumber(0, 0));
            case FIFO -> fifo(metadata);
            case SOCKET -> socket(metadata);
        };
    }

    /** {@return the file type} */
    public EntryType type() {
        return type;
    }

    /** {@return the permissions, owner, times and flags} */
    public Metadata metadata() {
        return metadata;
    }

    /**
     * Replaces permissions, owner, times and flags.
     *
     * @param m the new metadata
     */
    public void setMetadata(Metadata m) {
        this.metadata = Objects.requireNonNull(m, "metadata");
    }

    /** {@return a regular file's contents, empty for other types} */
    public Optional<FileContent> content() {
        return Optional.ofNullable(content);
    }

    /**
     * Replaces a regular file's contents.
     *
     * @param c the new contents
     * @throws IllegalArgumentException if this is no regular file
     */
    public void setContent(FileContent c) {
        requireType(EntryType.FILE, "contents");
        this.content = Objects.requireNonNull(c, "content");
    }

    /** {@return a symbolic link's target, empty for other types} */
    public Optional<String> linkTarget() {
        return Optional.ofNullable(linkTarget);
    }

    /**
     * Replaces a symbolic link's target.
     *
     * @param target the link's contents
     * @throws IllegalArgumentException if this is no symbolic link or {@code target} holds a NUL byte
     */
    public void setLinkTarget(String target) {
        requireType(EntryType.SYMLINK, "a link target");
        Objects.requireNonNull(target, "target");
        if (target.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("link target holds a NUL byte: " + target);
        }
        this.linkTarget = target;
    }

    /** {@return a device node's number, empty for other types} */
    public Optional<DeviceNumber> device() {
        return Optional.ofNullable(device);
    }

    /**
     * Replaces a device node's number.
     *
     * @param d the NetBSD major and minor number
     * @throws IllegalArgumentException if this is no device node
     */
    public void setDevice(DeviceNumber d) {
        if (!type.isDevice()) {
            throw new IllegalArgumentException("a " + type + " has no device number");
        }
        this.device = Objects.requireNonNull(d, "device");
    }

    /** {@return a directory's entry names in order, unmodifiable (empty for other types)} */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /**
     * Looks up one directory entry.
     *
     * @param name the entry name
     * @return the node it names, or empty if there is no such entry (or this is no directory)
     */
    public Optional<ImageNode> child(String name) {
        return Optional.ofNullable(children.get(name));
    }

    /**
     * Appends an entry to this directory. The same non-directory node may be added under
     * several names: that makes hard links.
     *
     * @param name the entry name
     * @param node the node it names
     * @return this directory, for chaining
     * @throws IllegalArgumentException if this is no directory, the name is taken or invalid
     *     ("", ".", "..", holds '/' or NUL, longer than 255 bytes), or {@code node} is this directory
     */
    public ImageNode add(String name, ImageNode node) {
        return insert(names.size(), name, node);
    }

    /**
     * Inserts an entry as the directory's first, as makefs does for nodes only in a spec.
     *
     * @param name the entry name
     * @param node the node it names
     * @return this directory, for chaining
     * @throws IllegalArgumentException as {@link #add(String, ImageNode)}
     */
    public ImageNode addFirst(String name, ImageNode node) {
        return insert(0, name, node);
    }

    private ImageNode insert(int index, String name, ImageNode node) {
        requireType(EntryType.DIRECTORY, "entries");
        checkName(name);
        Objects.requireNonNull(node, "node");
        if (children.containsKey(name)) {
            throw new IllegalArgumentException("entry exists: " + name);
        }
        if (node == this) {
            throw new IllegalArgumentException("a directory cannot contain itself: " + name);
        }
        names.add(index, name);
        children.put(name, node);
        return this;
    }

    /**
     * Replaces the node an existing entry names, keeping its place.
     *
     * @param name the entry name
     * @param node the node it will name
     * @throws IllegalArgumentException if this is no directory or has no entry {@code name}
     */
    public void replace(String name, ImageNode node) {
        requireType(EntryType.DIRECTORY, "entries");
        if (!children.containsKey(name)) {
            throw new IllegalArgumentException("no entry " + name);
        }
        children.put(name, Objects.requireNonNull(node, "node"));
    }

    /**
     * Removes an entry.
     *
     * @param name the entry name
     * @return true if it existed
     */
    public boolean remove(String name) {
        if (children.remove(name) == null) {
            return false;
        }
        names.remove(name);
        return true;
    }

    /** Sorts the entries of this directory and all below by the bytes of their UTF-8 names. */
    public void sortRecursively() {
        if (type != EntryType.DIRECTORY) {
            return;
        }
        names.sort(Comparator.comparing(n -> n.getBytes(StandardCharsets.UTF_8), java.util.Arrays::compareUnsigned));
        for (String n : names) {
            ImageNode c = children.get(n);
            if (c.type == EntryType.DIRECTORY) {
                c.sortRecursively();
            }
        }
    }

    /**
     * Checks a directory entry name.
     *
     * @param name the name
     * @throws IllegalArgumentException naming the problem: empty, ".", "..", holds '/' or NUL,
     *     longer than 255 bytes of UTF-8
     */
    public static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid entry name: '" + name + "'");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("entry name holds '/' or NUL: " + name);
        }
        // a UTF-16 char is at most 3 bytes of UTF-8 (a surrogate pair 4 for 2 chars): short names
        // need no encoding to be known short enough
        int len = name.length() <= MAXNAMLEN / 3 ? 0 : name.getBytes(StandardCharsets.UTF_8).length;
        if (len > MAXNAMLEN) {
            throw new IllegalArgumentException("name longer than " + MAXNAMLEN + " bytes (" + len + "): " + name);
        }
    }

    private void requireType(EntryType t, String what) {
        if (type != t) {
            throw new IllegalArgumentException("a " + type + " has no " + what);
        }
    }

    @Override
    public String toString() {
        return type + " " + metadata;
    }
}
