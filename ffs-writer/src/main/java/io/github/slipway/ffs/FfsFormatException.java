package io.github.slipway.ffs;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * An image that is not FFSv1 or whose metadata cannot be followed: the message names the image and
 * the byte offset at fault, e.g. {@code root.img: @0x2000: fs_magic 0x0, expected 0x11954}.
 *
 * <pre>{@code
 * try (FfsImage img = FfsImage.open(path)) {
 *     ...
 * } catch (FfsFormatException e) {
 *     System.err.println(e.getMessage() + " (offset " + e.offset() + ")");
 * }
 * }</pre>
 */
public final class FfsFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    /** The image as the user named it. */
    private final String image;
    /** The byte offset at fault, or -1 when none applies. */
    private final long offset;

    /**
     * @param image the image's name as the user gave it
     * @param offset the byte offset at fault, or -1 when there is none
     * @param what what is wrong there
     */
    public FfsFormatException(String image, long offset, String what) {
        super(offset >= 0 ? String.format("%s: @0x%x: %s", image, offset, what) : image + ": " + what);
        this.image = image;
        this.offset = offset;
    }

    /** {@return the image's name} */
    public String image() {
        return image;
    }

    /** {@return the byte offset at fault, if there is one} */
    public OptionalLong offset() {
        return offset >= 0 ? OptionalLong.of(offset) : OptionalLong.empty();
    }
}
