package io.simplenet.samples.chat;

import io.simplenet.ClientEnv;
import io.simplenet.ClientId;
import io.simplenet.examples.chat.ChatRequestToken;
import io.simplenet.examples.chat.ChatServer;
import io.simplenet.examples.chat.ChatServerHandler;
import io.simplenet.examples.chat.ChatServerMessage;
import io.simplenet.examples.chat.GetHistory;
import io.simplenet.examples.chat.HistoryPage;
import io.simplenet.examples.chat.Join;
import io.simplenet.examples.chat.Joined;
import io.simplenet.examples.chat.Left;
import io.simplenet.examples.chat.Post;
import io.simplenet.examples.chat.Rename;
import io.simplenet.examples.chat.Renamed;
import io.simplenet.examples.chat.Say;
import io.simplenet.examples.chat.Typing;
import io.simplenet.examples.chat.TypingNotice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The chat room's server logic, in the callback style: the server calls it one event at a time on
 * one executor, so its state needs no locks.
 */
final class ChatRoom implements ChatServerHandler {
  private static final int MAX_HISTORY = 1_000;

  private final Map<ClientId, String> names = new LinkedHashMap<>();
  private final List<Post> history = new ArrayList<>();
  private final Consumer<String> log;
  private ChatServer server;
  private long sequence;

  ChatRoom(Consumer<String> log) {
    this.log = log;
  }

  /** The server to broadcast through; set once, before it starts delivering events. */
  void attach(ChatServer server) {
    this.server = server;
  }

  @Override
  public void onConnected(ClientId clientId, ClientEnv env, Join join) {
    names.put(clientId, join.name());
    log.accept(join.name() + " joined over " + env.encoding() + " (" + names.size() + " online)");
    broadcast(new Joined(join.name(), names.size()));
  }

  @Override
  public void onDisconnected(ClientId clientId) {
    String name = names.remove(clientId);
    log.accept(name + " left (" + names.size() + " online)");
    broadcast(new Left(name, names.size()));
  }

  @Override
  public void onSay(ClientId clientId, Say say) {
    Post post = new Post(++sequence, names.get(clientId), say.text(), System.currentTimeMillis());
    history.add(post);
    if (history.size() > MAX_HISTORY) {
      history.remove(0);
    }
    broadcast(post);
  }

  @Override
  public void onTyping(ClientId clientId, Typing typing) {
    TypingNotice notice = new TypingNotice(names.get(clientId), typing.active());
    names.keySet().stream().filter(id -> !id.equals(clientId)).forEach(id -> server.send(id, notice));
  }

  @Override
  public void onGetHistory(ClientId clientId, GetHistory query, ChatRequestToken<HistoryPage> token) {
    long before = query.beforeSequence() == 0 ? Long.MAX_VALUE : query.beforeSequence();
    int limit = Math.max(1, Math.min(query.limit(), 100));
    List<Post> page = new ArrayList<>();
    for (int i = history.size() - 1; i >= 0 && page.size() <= limit; i--) {
      if (Long.compareUnsigned(history.get(i).sequence(), before) < 0) {
        page.add(history.get(i));
      }
    }
    boolean more = page.size() > limit;
    token.respond(new HistoryPage(more ? page.subList(0, limit) : page, more));
  }

  @Override
  public void onRename(ClientId clientId, Rename rename, ChatRequestToken<Renamed> token) {
    String wanted = rename.newName().strip();
    if (wanted.isEmpty() || names.containsValue(wanted)) {
      log.accept(names.get(clientId) + " may not be called '" + wanted + "': rejected");
      token.reject();
      return;
    }
    String old = names.put(clientId, wanted);
    token.respond(new Renamed(old, wanted));
  }

  private void broadcast(ChatServerMessage message) {
    names.keySet().forEach(id -> server.send(id, message));
  }
}
