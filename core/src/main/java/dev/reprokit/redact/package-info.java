/** Redaction of secrets before anything leaves the process: rules, pseudonyms, summary. */
package dev.reprokit.redact;
