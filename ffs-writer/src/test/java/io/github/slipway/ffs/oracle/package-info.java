/**
 * Test oracles shared with other modules through the test jar: The Sleuth Kit as an
 * independent reader of UFS1 images.
 */
package io.github.slipway.ffs.oracle;
