/** The recorder, its configuration and the scopes and triggers an application uses. */
package dev.reprokit;
