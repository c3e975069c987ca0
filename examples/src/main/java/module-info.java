/** The slipway command line and the reference composition of all modules into a ship image. */
module io.github.slipway.examples {
    requires transitive io.github.slipway.sailor;
    requires transitive io.github.slipway.ffs;
    requires transitive io.github.slipway.makedev;
    requires transitive io.github.slipway.rc;
    requires info.picocli;
    requires org.apache.commons.exec;
    exports io.github.slipway.examples;
    opens io.github.slipway.examples.cli to info.picocli;
}
