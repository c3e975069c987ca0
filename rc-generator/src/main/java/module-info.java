/** A minimal, fast, safe /etc/rc (plus fstab and rc.conf) for a sailor ship. */
module io.github.slipway.rc {
    requires transitive io.github.slipway.sailor;
    exports io.github.slipway.rc;
}
