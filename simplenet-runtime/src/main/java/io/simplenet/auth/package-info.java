/**
 * Client authentication, compatible with the seed crate bevy_simplenet: a client sends an {@link
 * io.simplenet.auth.AuthRequest}, the server's {@link io.simplenet.auth.Authenticator} accepts it or
 * names the reason it does not, and {@link io.simplenet.auth.AuthTokens} issues the Ed25519-signed
 * {@link io.simplenet.auth.AuthToken}s the token mode checks.
 */
package io.simplenet.auth;
