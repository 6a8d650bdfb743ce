package io.simplenet.samples.lobby;

import com.google.protobuf.ByteString;
import io.simplenet.ClientEnv;
import io.simplenet.ClientId;
import io.simplenet.auth.AuthKeys;
import io.simplenet.auth.AuthTokens;
import io.simplenet.examples.lobby.CancelSearch;
import io.simplenet.examples.lobby.EnterLobby;
import io.simplenet.examples.lobby.FindMatch;
import io.simplenet.examples.lobby.GameMode;
import io.simplenet.examples.lobby.LobbyRequestToken;
import io.simplenet.examples.lobby.LobbyServer;
import io.simplenet.examples.lobby.LobbyServerHandler;
import io.simplenet.examples.lobby.MatchFound;
import io.simplenet.examples.lobby.QueueStatus;
import io.simplenet.examples.lobby.ReadyCheck;
import io.simplenet.examples.lobby.Region;
import io.simplenet.examples.lobby.SearchCancelled;
import io.simplenet.examples.lobby.Teammate;
import io.simplenet.examples.lobby.Ticket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tiny matchmaker, in the callback style: the server calls it one event at a time on one
 * executor, so its state needs no locks. Two players queued for the same mode make a match.
 */
final class Matchmaker implements LobbyServerHandler {
  /** Players per match: a duel's worth keeps the demo short. */
  static final int PLAYERS_PER_MATCH = 2;

  /** What a queued player is told to expect, per player still missing. */
  private static final int SECONDS_PER_MISSING_PLAYER = 30;

  /** How long a game server token is good for: just long enough to go and join. */
  private static final Duration GAME_SERVER_TOKEN_LIFETIME = Duration.ofSeconds(30);

  private static final String GAME_SERVER_URL = "wss://game-eu-1.example.com/play";

  /** A queued search. */
  private record Search(long ticketId, ClientId clientId, FindMatch request) {}

  private final Map<ClientId, EnterLobby> players = new HashMap<>();
  private final Map<GameMode, List<Search>> queues = new EnumMap<>(GameMode.class);
  private final AuthKeys gameServerKeys;
  private final Consumer<String> log;
  private LobbyServer server;
  private long lastTicketId;
  private long lastMatchId;

  /** Signs game server tokens with {@code gameServerKeys}; reports what it does to {@code log}. */
  Matchmaker(AuthKeys gameServerKeys, Consumer<String> log) {
    this.gameServerKeys = gameServerKeys;
    this.log = log;
  }

  /** The server to push through; set once, before it starts delivering events. */
  void attach(LobbyServer server) {
    this.server = server;
  }

  @Override
  public void onConnected(ClientId clientId, ClientEnv env, EnterLobby enter) {
    players.put(clientId, enter);
    log.accept(enter.playerName() + " entered the lobby (build " + enter.clientBuild() + ", "
        + enter.preferredRegion() + ")");
  }

  @Override
  public void onDisconnected(ClientId clientId) {
    EnterLobby enter = players.remove(clientId);
    queues.values().forEach(queue -> queue.removeIf(search -> search.clientId().equals(clientId)));
    log.accept((enter == null ? clientId.toString() : enter.playerName()) + " left the lobby");
  }

  @Override
  public void onFindMatch(ClientId clientId, FindMatch request, LobbyRequestToken<Ticket> token) {
    List<Search> queue = queues.computeIfAbsent(request.mode(), mode -> new ArrayList<>());
    Search search = new Search(++lastTicketId, clientId, request);
    queue.add(search);
    log.accept(name(clientId) + " queued for " + request.mode() + " (ticket " + search.ticketId()
        + ", " + queue.size() + " waiting)");
    token.respond(new Ticket(search.ticketId(), estimatedWaitSeconds(queue)));
    for (Search queued : queue) {
      server.send(queued.clientId(),
          new QueueStatus(queued.ticketId(), queue.size(), estimatedWaitSeconds(queue)));
    }
    if (queue.size() >= PLAYERS_PER_MATCH) {
      List<Search> matched = new ArrayList<>(queue.subList(0, PLAYERS_PER_MATCH));
      queue.subList(0, PLAYERS_PER_MATCH).clear();
      announceMatch(matched);
    }
  }

  @Override
  public void onCancelSearch(ClientId clientId, CancelSearch request,
      LobbyRequestToken<SearchCancelled> token) {
    boolean wasQueued = queues.values().stream().anyMatch(queue -> queue.removeIf(
        search -> search.ticketId() == request.ticketId() && search.clientId().equals(clientId)));
    log.accept(name(clientId) + " cancelled ticket " + request.ticketId()
        + (wasQueued ? "" : " (no longer queued)"));
    token.respond(new SearchCancelled(request.ticketId(), wasQueued));
  }

  @Override
  public void onReadyCheck(ClientId clientId, ReadyCheck readyCheck) {
    log.accept(name(clientId) + " is " + (readyCheck.ready() ? "ready" : "NOT ready")
        + " for match " + readyCheck.matchId());
  }

  private void announceMatch(List<Search> matched) {
    long matchId = ++lastMatchId;
    Map<String, Teammate> teams = new LinkedHashMap<>();
    for (Search search : matched) {
      teams.put(name(search.clientId()),
          new Teammate(name(search.clientId()), search.request().rating()));
    }
    Region region = commonRegion(matched);
    log.accept("match " + matchId + ": " + String.join(" vs ", teams.keySet()) + " in " + region);
    for (Search search : matched) {
      // Each player gets its own short-lived ticket to the game server, signed by the lobby.
      byte[] gameServerToken = AuthTokens.fromLifetime(
          gameServerKeys.privateSeed(), GAME_SERVER_TOKEN_LIFETIME, search.clientId()).toBytes();
      server.send(search.clientId(), new MatchFound(search.ticketId(), matchId, GAME_SERVER_URL,
          ByteString.copyFrom(gameServerToken), region, teams));
    }
  }

  /** The first region the first player asked for that every other player accepts too. */
  private static Region commonRegion(List<Search> matched) {
    for (Region region : matched.get(0).request().regions()) {
      if (matched.stream().allMatch(search -> search.request().regions().isEmpty()
          || search.request().regions().contains(region))) {
        return region;
      }
    }
    return Region.REGION_ANY;
  }

  private static int estimatedWaitSeconds(List<Search> queue) {
    return Math.max(0, PLAYERS_PER_MATCH - queue.size()) * SECONDS_PER_MISSING_PLAYER;
  }

  private String name(ClientId clientId) {
    EnterLobby enter = players.get(clientId);
    return enter == null ? clientId.toString() : enter.playerName();
  }
}
