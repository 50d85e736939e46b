/** Implementation of the recorder: the lock-free ring, scopes, storm control, fault reporting. */
package dev.reprokit.internal;
