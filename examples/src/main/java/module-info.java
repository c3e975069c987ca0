/** The slipway command line and the reference composition of all modules into a ship image. */
module io.github.slipway.examples {
    requires io.github.slipway.sailor;
    requires io.github.slipway.ffs;
    requires io.github.slipway.makedev;
    requires io.github.slipway.rc;
    requires info.picocli;
    // exports io.github.slipway.examples; (added with ShipImageBuilder)
    opens io.github.slipway.examples.cli to info.picocli;
}
