/**
 * Implementation of JDBC capture, replay and re-run: the hand-written delegating wrappers
 * (completed by {@code src/build/WrapperGenerator.java}), the capture state and the replay
 * stubs. Not an API.
 */
package dev.reprokit.jdbc.internal;
