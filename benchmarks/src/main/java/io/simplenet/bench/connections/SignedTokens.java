package io.simplenet.bench.connections;

import io.simplenet.ClientId;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.AuthTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Ed25519 tokens for client ids 1, 2, 3, ..., signed once and reused by every measurement: the
 * JDK's Ed25519 takes milliseconds per signature here, so signing 10,000 tokens for each run would
 * take longer than connecting them. Signing is never timed.
 *
 * <p>Not thread-safe: the load generator's main thread uses it (and signs on the common pool).
 */
final class SignedTokens {
  /** Longer than any benchmark run: expiry must not be what is measured. */
  private static final Duration LIFETIME = Duration.ofHours(1);

  private final byte[] privateSeed;
  private final List<AuthRequest> signed = new ArrayList<>();

  SignedTokens(byte[] privateSeed) {
    this.privateSeed = privateSeed.clone();
  }

  /** The tokens of ids 1..count, signing those not signed yet on every core. */
  List<AuthRequest> first(int count) {
    int from = signed.size() + 1;
    if (count >= from) {
      signed.addAll(
          IntStream.rangeClosed(from, count)
              .parallel()
              .mapToObj(
                  id ->
                      (AuthRequest)
                          new AuthRequest.Token(
                              AuthTokens.fromLifetime(privateSeed, LIFETIME, ClientId.of(id))))
              .toList());
    }
    return List.copyOf(signed.subList(0, count));
  }
}
