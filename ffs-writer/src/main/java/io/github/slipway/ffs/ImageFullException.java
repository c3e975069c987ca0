package io.github.slipway.ffs;

import java.io.IOException;

/**
 * The tree does not fit the image: too few blocks or inodes for the size given (or, in compat
 * mode, for makefs' own estimate). The message names the image and what ran out.
 *
 * <pre>{@code
 * try {
 *     FfsWriter.write(tree, MakefsOptions.builder().size(64 * 1024).build(), Path.of("x.img"));
 * } catch (ImageFullException e) {
 *     System.err.println(e.getMessage()); // x.img: image full writing /big (inode 3), ...
 * }
 * }</pre>
 */
public final class ImageFullException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that says where and what.
     *
     * @param message {@code <image>: <what ran out>}, e.g. the size needed
     */
    public ImageFullException(String message) {
        super(message);
    }
}
