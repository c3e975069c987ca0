/** FFSv1 (UFS1) images: write them like NetBSD makefs, read them back, check them like fsck_ffs. */
module io.github.slipway.ffs {
    requires static org.assertj.core;
    // the host walk reads lstat results through sun.misc.Unsafe where it can (HostWalk.Direct)
    requires static jdk.unsupported;
    exports io.github.slipway.ffs;
    // only for the CLI's -Dslipway.timing breakdown
    exports io.github.slipway.ffs.internal.write to io.github.slipway.examples;
    provides java.nio.file.spi.FileSystemProvider with io.github.slipway.ffs.internal.nio.FfsFileSystemProvider;
}
