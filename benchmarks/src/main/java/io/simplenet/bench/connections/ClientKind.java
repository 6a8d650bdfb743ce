package io.simplenet.bench.connections;

/**
 * Which clients the load generator opens, and which server they dial: simplenet's generated
 * {@code BenchClient} with an Ed25519 token, or a raw Tyrus client without any authentication.
 */
enum ClientKind {
  SIMPLENET,
  RAW_TYRUS
}
