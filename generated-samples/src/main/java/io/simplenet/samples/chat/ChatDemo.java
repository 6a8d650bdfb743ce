package io.simplenet.samples.chat;

import io.simplenet.ClientId;
import io.simplenet.ClientReport;
import io.simplenet.Encoding;
import io.simplenet.MessageStatus;
import io.simplenet.auth.AuthRequest;
import io.simplenet.auth.Authenticator;
import io.simplenet.examples.chat.ChatChannel;
import io.simplenet.examples.chat.ChatClient;
import io.simplenet.examples.chat.ChatClientEvent;
import io.simplenet.examples.chat.ChatRequestSignal;
import io.simplenet.examples.chat.ChatServer;
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
import io.simplenet.samples.EventWait;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * The chat demo. With no arguments it starts a chat server and three bot clients on 127.0.0.1 that
 * join, talk, make requests and leave, printing a transcript, then stops. {@code --server [port]}
 * runs just the server (until Ctrl-C); {@code --client URL [name]} joins a running server and chats
 * from the terminal ({@code /history}, {@code /nick NAME}, {@code /quit}).
 */
public final class ChatDemo {
  private static final PrintStream OUT = System.out;
  private static final Duration WAIT = Duration.ofSeconds(10);

  private ChatDemo() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      runScripted();
    } else if (args[0].equals("--server")) {
      serve(args.length > 1 ? Integer.parseInt(args[1]) : 0);
    } else if (args[0].equals("--client") && args.length > 1) {
      chat(args[1], args.length > 2 ? args[2] : "guest-" + (System.nanoTime() % 1000));
    } else {
      OUT.println("usage: ChatDemo [--server [port] | --client URL [name]]");
    }
  }

  /** A server and three bots, scripted, each step waiting for what it caused. */
  private static void runScripted() throws Exception {
    OUT.println("simplenet chat demo: one server and three bot clients on 127.0.0.1");
    ExecutorService roomThread = Executors.newSingleThreadExecutor();
    ChatRoom room = new ChatRoom(line -> OUT.println("  server | " + line));
    try (ChatServer server = start(room, 0, roomThread)) {
      OUT.println("  server | listening on " + server.url() + ", protocol " + ChatChannel.VERSION);
      try (Bot ada = Bot.join(server, 1, "ada", Encoding.BINARY);
          Bot bob = Bot.join(server, 2, "bob", Encoding.JSON);
          Bot cy = Bot.join(server, 3, "cy", Encoding.BINARY)) {
        List<Bot> everyone = List.of(ada, bob, cy);
        ada.expect(m -> m instanceof Joined j && j.name().equals("cy"));
        bob.expect(m -> m instanceof Joined j && j.name().equals("cy"));

        ada.client.send(new Typing(true));
        bob.expect(TypingNotice.class::isInstance);
        cy.expect(TypingNotice.class::isInstance);
        ada.client.send(new Say("hello, everyone!"));
        everyone.forEach(bot -> bot.expect(Post.class::isInstance));
        bob.client.send(new Say("hi ada \uD83D\uDC4B (sent as JSON)"));
        everyone.forEach(bot -> bot.expect(Post.class::isInstance));

        ChatRequestSignal<HistoryPage> history = cy.client.request(new GetHistory(0, 10));
        cy.awaitAnswer(history.id());
        ChatRequestSignal<Renamed> rename = bob.client.request(new Rename("bobby"));
        bob.awaitAnswer(rename.id());
        ChatRequestSignal<Renamed> steal = cy.client.request(new Rename("ada"));
        cy.awaitAnswer(steal.id());
        OUT.printf("  statuses | history %s, bob's rename %s, cy's rename %s%n",
            history.status(), rename.status(), steal.status());

        ada.client.close();
        bob.expect(Left.class::isInstance);
        cy.expect(Left.class::isInstance);
      }
      OUT.println("  server | " + server.connectionCount() + " connections left; shutting down");
    } finally {
      roomThread.shutdown();
    }
    OUT.println("done.");
  }

  private static ChatServer start(ChatRoom room, int port, ExecutorService roomThread) {
    ChatServer server =
        ChatServer.builder()
            .host("127.0.0.1")
            .port(port)
            .authenticator(new Authenticator.None())
            .handler(room, roomThread)
            .start();
    room.attach(server);
    return server;
  }

  /** {@code --server}: serves until the process is stopped. */
  private static void serve(int port) throws InterruptedException {
    ExecutorService roomThread = Executors.newSingleThreadExecutor();
    ChatRoom room = new ChatRoom(line -> OUT.println("server | " + line));
    ChatServer server = start(room, port, roomThread);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> {
          server.close();
          roomThread.shutdown();
          stopped.countDown();
        }));
    OUT.println("chat server on " + server.url() + " (protocol " + ChatChannel.VERSION
        + "); join with: --client " + server.url() + " NAME");
    stopped.await(); // the room runs on its own thread until Ctrl-C
  }

  /** {@code --client}: chats from the terminal; incoming events are printed as they arrive. */
  private static void chat(String url, String name) throws Exception {
    try (ChatClient client =
        ChatClient.builder()
            .url(url)
            .auth(new AuthRequest.None(ClientId.random()))
            .connect(new Join(name, null))
            .build()) {
      if (!awaitConnected(client)) {
        return;
      }
      Thread printer = new Thread(() -> printEvents(client), "chat-printer");
      printer.setDaemon(true);
      printer.start();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null && !line.equals("/quit"); line = in.readLine()) {
        if (line.equals("/history")) {
          client.request(new GetHistory(0, 20));
        } else if (line.startsWith("/nick ")) {
          client.request(new Rename(line.substring("/nick ".length())));
        } else if (!line.isBlank() && client.send(new Say(line)).status() == MessageStatus.FAILED) {
          OUT.println("not connected right now: not sent");
        }
      }
    }
  }

  /** Prints events until the server accepts the client (true) or the client dies (false). */
  private static boolean awaitConnected(ChatClient client) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      ChatClientEvent event = client.poll(Duration.ofNanos(deadline - System.nanoTime()));
      if (event == null) {
        continue;
      }
      OUT.println(describe(event));
      if (event instanceof ChatClientEvent.Report report) {
        if (report.report() instanceof ClientReport.Connected) {
          return true;
        }
        if (report.report() instanceof ClientReport.IsDead) {
          return false;
        }
      }
    }
    OUT.println("no answer from " + client.url() + " within " + WAIT);
    return false;
  }

  private static void printEvents(ChatClient client) {
    try {
      while (!client.isDead()) {
        ChatClientEvent event = client.poll(WAIT);
        if (event != null) {
          OUT.println(describe(event));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String describe(ChatClientEvent event) {
    if (event instanceof ChatClientEvent.Msg msg) {
      return describe(msg.message());
    }
    if (event instanceof ChatClientEvent.Response response) {
      if (response.response() instanceof HistoryPage page) {
        StringBuilder text = new StringBuilder("history (" + page.posts().size() + " posts):");
        page.posts().forEach(p -> text.append("\n      #").append(p.sequence()).append(' ')
            .append(p.author()).append(": ").append(p.text()));
        return text.toString();
      }
      if (response.response() instanceof Renamed renamed) {
        return "renamed: " + renamed.oldName() + " is now " + renamed.newName();
      }
    }
    if (event instanceof ChatClientEvent.Reject reject) {
      return "request " + reject.requestId() + " rejected";
    }
    if (event instanceof ChatClientEvent.Report report) {
      return report.report() instanceof ClientReport.Connected
          ? "connected"
          : report.report().toString();
    }
    return event.toString();
  }

  private static String describe(ChatServerMessage message) {
    if (message instanceof Post post) {
      return "#" + post.sequence() + " " + post.author() + ": " + post.text();
    }
    if (message instanceof Joined joined) {
      return joined.name() + " joined (" + joined.membersNow() + " online)";
    }
    if (message instanceof Left left) {
      return left.name() + " left (" + left.membersNow() + " online)";
    }
    if (message instanceof TypingNotice typing) {
      return typing.name() + (typing.active() ? " is typing..." : " stopped typing");
    }
    return message.toString();
  }

  /** A scripted client that prints what it sees. */
  private static final class Bot implements AutoCloseable {
    private final String name;
    private final ChatClient client;

    private Bot(String name, ChatClient client) {
      this.name = name;
      this.client = client;
    }

    static Bot join(ChatServer server, long id, String name, Encoding encoding) {
      ChatClient client =
          ChatClient.builder()
              .url(server.url())
              .auth(new AuthRequest.None(ClientId.of(id)))
              .connect(new Join(name, null))
              .encoding(encoding)
              .build();
      Bot bot = new Bot(name, client);
      bot.await(e -> e instanceof ChatClientEvent.Report r
          && r.report() instanceof ClientReport.Connected, "its Connected report");
      bot.expect(m -> m instanceof Joined j && j.name().equals(name));
      return bot;
    }

    /** Waits for a server message matching {@code wanted}, printing everything seen until then. */
    void expect(Predicate<ChatServerMessage> wanted) {
      await(e -> e instanceof ChatClientEvent.Msg m && wanted.test(m.message()), "a message");
    }

    /** Waits for the response, ack or reject of request {@code id}. */
    void awaitAnswer(long id) {
      await(e -> (e instanceof ChatClientEvent.Response r && r.requestId() == id)
          || (e instanceof ChatClientEvent.Ack a && a.requestId() == id)
          || (e instanceof ChatClientEvent.Reject j && j.requestId() == id), "request " + id);
    }

    private void await(Predicate<ChatClientEvent> wanted, String what) {
      EventWait.await(
          client::poll,
          WAIT,
          event -> OUT.printf("  %6s | %s%n", name, describe(event)),
          wanted,
          name + ": " + what);
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
