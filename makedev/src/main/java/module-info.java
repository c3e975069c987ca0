/** NetBSD's MAKEDEV as tables: /dev nodes for i386 and amd64, without root. */
module io.github.slipway.makedev {
    exports io.github.slipway.makedev;
}
