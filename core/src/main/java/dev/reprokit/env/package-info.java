/** The environment snapshot: runtime, OS, locale, libraries, configuration and what changed. */
package dev.reprokit.env;
