/**
 * The read-only {@code java.nio.file} view of an image: {@link FfsFileSystemProvider} (scheme
 * {@code ffs}), registered as a service so that {@code FileSystems.newFileSystem(imagePath)} works.
 */
package io.github.slipway.ffs.internal.nio;
