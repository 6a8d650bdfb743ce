/**
 * The {@code .channel} schema compiler: {@link io.simplenet.compiler.SchemaCompiler} turns schema files
 * into generated Java sources and resources, or into {@link io.simplenet.compiler.Diagnostic}s.
 * The Maven goals are thin wrappers around it; everything else lives in {@code internal} packages.
 */
package io.simplenet.compiler;
