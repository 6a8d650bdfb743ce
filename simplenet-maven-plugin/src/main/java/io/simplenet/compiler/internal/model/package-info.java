/**
 * The resolved, validated form of a set of {@code .channel} files: what the front-end produces and
 * the generators consume. Every value here is immutable and already checked, so generators never
 * report schema errors.
 */
package io.simplenet.compiler.internal.model;
