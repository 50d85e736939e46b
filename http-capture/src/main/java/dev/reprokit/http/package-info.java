/**
 * Capture of Apache HttpClient 5 traffic into a {@link dev.reprokit.Recorder}, replay of
 * recorded exchanges (in-process stub, re-send to a target) and export to HAR, curl and
 * WireMock.
 */
package dev.reprokit.http;
