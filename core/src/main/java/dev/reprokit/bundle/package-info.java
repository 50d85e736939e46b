/** The reproduction bundle: its model, the atomic writer and the validating reader. */
package dev.reprokit.bundle;
