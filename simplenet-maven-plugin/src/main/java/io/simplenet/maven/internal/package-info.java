/**
 * The incremental build behind the Maven goals: selecting schemas, deciding whether anything
 * changed, and writing or deleting only the outputs that need it. Not a public API.
 */
package io.simplenet.maven.internal;
