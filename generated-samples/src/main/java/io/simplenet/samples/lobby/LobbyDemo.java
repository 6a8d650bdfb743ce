package io.simplenet.samples.lobby;

import io.simplenet.ClientConfig;
import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.auth.AuthKeys;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.AuthToken;
import io.simplenet.auth.AuthTokens;
import io.simplenet.auth.Authenticator;
import io.simplenet.samples.EventWait;
import io.simplenet.examples.lobby.CancelSearch;
import io.simplenet.examples.lobby.EnterLobby;
import io.simplenet.examples.lobby.FindMatch;
import io.simplenet.examples.lobby.GameMode;
import io.simplenet.examples.lobby.LobbyChannel;
import io.simplenet.examples.lobby.LobbyClient;
import io.simplenet.examples.lobby.LobbyClientEvent;
import io.simplenet.examples.lobby.LobbyServer;
import io.simplenet.examples.lobby.LobbyServerMessage;
import io.simplenet.examples.lobby.MatchFound;
import io.simplenet.examples.lobby.QueueStatus;
import io.simplenet.examples.lobby.ReadyCheck;
import io.simplenet.examples.lobby.Region;
import io.simplenet.examples.lobby.SearchCancelled;
import io.simplenet.examples.lobby.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The lobby demo: an issuer (playing the login service) signs short-lived tokens, a lobby server
 * checks them and runs a tiny matchmaker, and scripted players queue and get matched. A forged
 * token is refused, and a player whose token expires is disconnected and dies instead of
 * reconnecting. Prints a transcript and stops by itself.
 */
public final class LobbyDemo {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** How long the players' tokens last: the whole demo. */
  private static final Duration SESSION_TOKEN_LIFETIME = Duration.ofMinutes(10);

  /**
   * How long the short-session player's token lasts; expiry is rounded down to whole seconds, so
   * this leaves it at least 2 s to connect.
   */
  private static final Duration SHORT_TOKEN_LIFETIME = Duration.ofSeconds(3);

  private static final String CLIENT_BUILD = "2.1.0-demo";

  private LobbyDemo() {}

  public static void main(String[] args) throws Exception {
    System.out.println("simplenet lobby demo: a token issuer, a lobby and four players");
    AuthKeys issuer = AuthKeys.generate();
    say("issuer", "made a signing key pair; the lobby trusts its public key");
    ExecutorService lobbyThread = Executors.newSingleThreadExecutor();
    Matchmaker matchmaker = new Matchmaker(AuthKeys.generate(), line -> say("lobby", line));
    try (LobbyServer server =
        LobbyServer.builder()
            .host("127.0.0.1")
            .port(0)
            .authenticator(new Authenticator.Token(issuer.publicKey()))
            .handler(matchmaker, lobbyThread)
            .start()) {
      matchmaker.attach(server);
      say("lobby", "listening on " + server.url() + ", protocol " + LobbyChannel.VERSION);
      matchmake(server, issuer);
      refuseForgedToken(server);
      expireSession(server, issuer);
      say("lobby", server.connectionCount() + " connections left; shutting down");
    } finally {
      lobbyThread.shutdown();
    }
    // The lobby's last lines (players leaving) are printed before the transcript ends.
    if (!lobbyThread.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("the lobby thread did not finish within " + WAIT);
    }
    System.out.println("done.");
  }

  /** Two players queue for a duel and are matched; a third queues for another mode and cancels. */
  private static void matchmake(LobbyServer server, AuthKeys issuer) {
    try (Player ada = Player.enter(server, issuer, 1, "ada", SESSION_TOKEN_LIFETIME,
            ClientConfig.DEFAULT);
        Player bob = Player.enter(server, issuer, 2, "bob", SESSION_TOKEN_LIFETIME,
            ClientConfig.DEFAULT);
        Player cy = Player.enter(server, issuer, 3, "cy", SESSION_TOKEN_LIFETIME,
            ClientConfig.DEFAULT)) {
      ada.findMatch(new FindMatch(GameMode.DUEL, 1500, List.of(Region.EU_WEST, Region.US_EAST)));
      ada.expect(QueueStatus.class::isInstance);

      Ticket cyTicket = cy.findMatch(new FindMatch(GameMode.CAPTURE_THE_FLAG, 1320, List.of()));
      cy.expect(QueueStatus.class::isInstance);
      cy.awaitAnswer(cy.client.request(new CancelSearch(cyTicket.ticketId())).id());

      bob.findMatch(new FindMatch(GameMode.DUEL, 1480, List.of(Region.US_EAST, Region.EU_WEST)));
      MatchFound adaMatch = (MatchFound) ada.expect(MatchFound.class::isInstance);
      MatchFound bobMatch = (MatchFound) bob.expect(MatchFound.class::isInstance);
      ada.client.send(new ReadyCheck(adaMatch.matchId(), true));
      bob.client.send(new ReadyCheck(bobMatch.matchId(), true));
    }
  }

  /** A token signed by someone else's key is refused, with the reason, and the client dies. */
  private static void refuseForgedToken(LobbyServer server) {
    AuthKeys forger = AuthKeys.generate();
    say("mallory", "forges a token with a key the lobby does not trust");
    try (Player mallory =
        Player.start(server, forger, 66, "mallory", SESSION_TOKEN_LIFETIME, ClientConfig.DEFAULT)) {
      mallory.await(e -> isReport(e, ClientReport.ClosedByServer.class), "its refusal");
      mallory.await(e -> isReport(e, ClientReport.IsDead.class), "its IsDead report");
    }
  }

  /**
   * A player whose token runs out: the lobby disconnects it once the token has expired, and the
   * client, although told to reconnect after a server close, dies because its token is stale.
   */
  private static void expireSession(LobbyServer server, AuthKeys issuer) {
    ClientConfig reconnecting = ClientConfig.builder().reconnectOnServerClose(true).build();
    try (Player dee = Player.enter(server, issuer, 4, "dee", SHORT_TOKEN_LIFETIME, reconnecting)) {
      say(dee.name, "token expires at " + dee.token.expirationTime() + "; waiting for it");
      dee.awaitExpiry();
      say("lobby", "dee's session expired: disconnecting");
      server.disconnect(dee.client.id(), "session expired");
      dee.await(e -> isReport(e, ClientReport.ClosedByServer.class), "ClosedByServer");
      dee.await(e -> isReport(e, ClientReport.IsDead.class), "IsDead instead of a reconnect");
    }
  }

  /** One transcript line, {@code who} right-aligned; to the current {@code System.out}. */
  private static void say(String who, String line) {
    System.out.printf("  %7s | %s%n", who, line);
  }

  private static boolean isReport(LobbyClientEvent event, Class<? extends ClientReport> type) {
    return event instanceof LobbyClientEvent.Report report && type.isInstance(report.report());
  }

  static String describe(LobbyClientEvent event) {
    if (event instanceof LobbyClientEvent.Msg msg) {
      return describe(msg.message());
    }
    if (event instanceof LobbyClientEvent.Response response) {
      if (response.response() instanceof Ticket ticket) {
        return "ticket " + ticket.ticketId() + " (about " + ticket.estimatedWaitS() + " s)";
      }
      if (response.response() instanceof SearchCancelled cancelled) {
        return "ticket " + cancelled.ticketId() + " cancelled"
            + (cancelled.wasQueued() ? "" : " too late: already matched");
      }
    }
    if (event instanceof LobbyClientEvent.Reject reject) {
      return "request " + reject.requestId() + " rejected";
    }
    if (event instanceof LobbyClientEvent.Report report) {
      if (report.report() instanceof ClientReport.Connected) {
        return "connected";
      }
      if (report.report() instanceof ClientReport.ClosedByServer closed) {
        return "closed by the server: " + closed.reason().code() + " \"" + closed.reason().reason()
            + "\"";
      }
      return report.report().toString();
    }
    return event.toString();
  }

  private static String describe(LobbyServerMessage message) {
    if (message instanceof QueueStatus status) {
      return "ticket " + status.ticketId() + ": " + status.playersInQueue() + " in queue, about "
          + status.estimatedWaitS() + " s";
    }
    if (message instanceof MatchFound match) {
      return "match " + match.matchId() + " found in " + match.region() + " with "
          + match.teams().keySet() + ": join " + match.gameServerUrl() + " with a "
          + match.gameServerToken().size() + "-byte token";
    }
    return message.toString();
  }

  /** A scripted player that prints what it sees. */
  private static final class Player implements AutoCloseable {
    private final String name;
    private final AuthToken token;
    private final LobbyClient client;

    private Player(String name, AuthToken token, LobbyClient client) {
      this.name = name;
      this.token = token;
      this.client = client;
    }

    /** Starts a player whose token {@code signer} issued; it connects in the background. */
    static Player start(LobbyServer server, AuthKeys signer, long id, String name,
        Duration tokenLifetime, ClientConfig config) {
      AuthToken token =
          AuthTokens.fromLifetime(signer.privateSeed(), tokenLifetime, ClientId.of(id));
      LobbyClient client =
          LobbyClient.builder()
              .url(server.url())
              .auth(new AuthRequest.Token(token))
              .connect(new EnterLobby(name, CLIENT_BUILD, Region.EU_WEST))
              .config(config)
              .build();
      return new Player(name, token, client);
    }

    /** Starts a player and waits until the lobby has accepted it. */
    static Player enter(LobbyServer server, AuthKeys issuer, long id, String name,
        Duration tokenLifetime, ClientConfig config) {
      Player player = start(server, issuer, id, name, tokenLifetime, config);
      player.await(e -> isReport(e, ClientReport.Connected.class), "its Connected report");
      return player;
    }

    /** Queues for a match and waits for the ticket. */
    Ticket findMatch(FindMatch request) {
      say(name, "looking for " + request.mode() + " at rating " + request.rating());
      long id = client.request(request).id();
      LobbyClientEvent answer = awaitAnswer(id);
      if (answer instanceof LobbyClientEvent.Response response
          && response.response() instanceof Ticket ticket) {
        return ticket;
      }
      throw new IllegalStateException(name + " got no ticket but " + answer);
    }

    /** Waits for a server message matching {@code wanted} and returns it. */
    LobbyServerMessage expect(Predicate<LobbyServerMessage> wanted) {
      LobbyClientEvent event =
          await(e -> e instanceof LobbyClientEvent.Msg m && wanted.test(m.message()), "a message");
      return ((LobbyClientEvent.Msg) event).message();
    }

    /** Waits for the response, ack or reject of request {@code id}. */
    LobbyClientEvent awaitAnswer(long id) {
      return await(e -> (e instanceof LobbyClientEvent.Response r && r.requestId() == id)
          || (e instanceof LobbyClientEvent.Ack a && a.requestId() == id)
          || (e instanceof LobbyClientEvent.Reject j && j.requestId() == id), "request " + id);
    }

    /** Prints events until the token has expired by the system clock. */
    void awaitExpiry() {
      Instant expiry = token.expirationTime();
      long deadline = System.nanoTime() + WAIT.toNanos();
      try {
        while (!token.isExpired(Instant.now())) {
          if (System.nanoTime() >= deadline) {
            throw new IllegalStateException(name + "'s token did not expire within " + WAIT);
          }
          // Never waits past the expiry: the loop re-checks the clock after each poll.
          Duration untilExpiry = Duration.between(Instant.now(), expiry);
          LobbyClientEvent event =
              client.poll(untilExpiry.isNegative() ? Duration.ZERO : untilExpiry);
          if (event != null) {
            say(name, describe(event));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(name + " was interrupted waiting for its token to expire");
      }
    }

    LobbyClientEvent await(Predicate<LobbyClientEvent> wanted, String what) {
      return EventWait.await(
          client::poll, WAIT, event -> say(name, describe(event)), wanted, name + ": " + what);
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
