/** Redaction machinery behind {@link dev.reprokit.redact.Redactor}: rules, name tests, SQL and body parsing, pseudonyms. */
package dev.reprokit.internal.redact;
