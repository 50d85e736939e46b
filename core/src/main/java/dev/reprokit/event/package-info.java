/** The immutable events of the timeline and the values they carry. */
package dev.reprokit.event;
