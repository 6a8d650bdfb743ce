/**
 * The simplenet Maven goals: {@code simplenet:generate} compiles {@code src/main/channel} into the
 * main sources and resources, {@code simplenet:generate-test} compiles {@code src/test/channel}
 * into the test ones. Both are incremental; the engine lives in {@code
 * io.simplenet.maven.internal}.
 */
package io.simplenet.maven;
