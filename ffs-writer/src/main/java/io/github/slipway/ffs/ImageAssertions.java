package io.github.slipway.ffs;

/**
 * AssertJ entry point for image contents. AssertJ is an optional dependency of this module: add
 * {@code assertj-core} to your test classpath to use it.
 *
 * <pre>{@code
 * try (FfsImage image = FfsImage.open(Path.of("root.img"))) {
 *     ImageAssertions.assertThat(image)
 *             .hasDirectory("/dev")
 *             .hasCharDevice("/dev/null", 2, 2)
 *             .hasFile("/etc/rc").withMode(0755).withContent("#!/bin/sh\n...")
 *             .hasSymlink("/usr/lib/libc.so", "libc.so.12")
 *             .isFsckClean();
 * }
 * }</pre>
 */
public final class ImageAssertions {
    private ImageAssertions() {
    }

    /**
     * Starts assertions on {@code image}.
     *
     * @param image an open image
     * @return an assertion on the image
     */
    public static FfsImageAssert assertThat(FfsImage image) {
        return new FfsImageAssert(image);
    }
}
