package io.simplenet.samples;

import com.google.protobuf.ByteString;
import io.simplenet.codec.MessageCodec;
import io.simplenet.examples.chat.ChatChannel;
import io.simplenet.examples.chat.Post;
import io.simplenet.examples.game.EntityKind;
import io.simplenet.examples.game.EntityState;
import io.simplenet.examples.game.GameSyncChannel;
import io.simplenet.examples.game.Snapshot;
import io.simplenet.examples.geometry.Vec2;
import io.simplenet.examples.inventory.InventoryChannel;
import io.simplenet.examples.inventory.ItemMissing;
import io.simplenet.examples.lobby.LobbyChannel;
import io.simplenet.examples.lobby.MatchFound;
import io.simplenet.examples.lobby.Region;
import io.simplenet.examples.lobby.Teammate;
import io.simplenet.examples.seed.TestChannel;
import io.simplenet.examples.seed.TestClientMsg;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A tour of what the simplenet plugin generated from {@code schema-examples/}: each channel's
 * version, roles and resources, and one message per channel encoded in both wire formats and
 * decoded back.
 */
public final class SchemaTour {
  private static final PrintStream OUT = System.out;

  private SchemaTour() {}

  /** A channel's generated constants, gathered so every channel is printed the same way. */
  private record ChannelInfo(
      String name,
      String version,
      MessageCodec<?> connect,
      MessageCodec<?> clientMessage,
      MessageCodec<?> serverMessage,
      MessageCodec<?> request,
      MessageCodec<?> response,
      String protoResource,
      String descriptorSetResource) {}

  public static void main(String[] args) {
    OUT.println("simplenet: the plugin compiled schema-examples/ into these channels");
    OUT.println();
    describe(new ChannelInfo(TestChannel.NAME, TestChannel.VERSION, TestChannel.CONNECT,
        TestChannel.CLIENT_MESSAGE, TestChannel.SERVER_MESSAGE, TestChannel.REQUEST,
        TestChannel.RESPONSE, TestChannel.PROTO_RESOURCE, TestChannel.DESCRIPTOR_SET_RESOURCE));
    roundTrip(TestChannel.CLIENT_MESSAGE, new TestClientMsg(42));

    describe(new ChannelInfo(ChatChannel.NAME, ChatChannel.VERSION, ChatChannel.CONNECT,
        ChatChannel.CLIENT_MESSAGE, ChatChannel.SERVER_MESSAGE, ChatChannel.REQUEST,
        ChatChannel.RESPONSE, ChatChannel.PROTO_RESOURCE, ChatChannel.DESCRIPTOR_SET_RESOURCE));
    roundTrip(ChatChannel.SERVER_MESSAGE,
        Post.builder().sequence(7).author("ada").text("hello, wörld ✓").postedAtUnixMs(1_700_000_000_000L).build());

    describe(new ChannelInfo(LobbyChannel.NAME, LobbyChannel.VERSION, LobbyChannel.CONNECT,
        LobbyChannel.CLIENT_MESSAGE, LobbyChannel.SERVER_MESSAGE, LobbyChannel.REQUEST,
        LobbyChannel.RESPONSE, LobbyChannel.PROTO_RESOURCE, LobbyChannel.DESCRIPTOR_SET_RESOURCE));
    roundTrip(LobbyChannel.SERVER_MESSAGE,
        MatchFound.builder()
            .ticketId(-1L) // uint64 max: JSON carries it as a string, so browsers lose nothing
            .matchId(99)
            .gameServerUrl("wss://127.0.0.1:7777/ws")
            .gameServerToken(ByteString.copyFrom(new byte[] {1, 2, 3, (byte) 0xff}))
            .region(Region.EU_WEST)
            .teams(Map.of("red", new Teammate("ada", 1510)))
            .build());

    describe(new ChannelInfo(GameSyncChannel.NAME, GameSyncChannel.VERSION, GameSyncChannel.CONNECT,
        GameSyncChannel.CLIENT_MESSAGE, GameSyncChannel.SERVER_MESSAGE, GameSyncChannel.REQUEST,
        GameSyncChannel.RESPONSE, GameSyncChannel.PROTO_RESOURCE,
        GameSyncChannel.DESCRIPTOR_SET_RESOURCE));
    roundTrip(GameSyncChannel.SERVER_MESSAGE,
        new Snapshot(1024, List.of(EntityState.builder()
            .entityId(3).kind(EntityKind.PLAYER).position(new Vec2(1.5f, -2f)).health(100).build())));

    describe(new ChannelInfo(InventoryChannel.NAME, InventoryChannel.VERSION,
        InventoryChannel.CONNECT, InventoryChannel.CLIENT_MESSAGE, InventoryChannel.SERVER_MESSAGE,
        InventoryChannel.REQUEST, InventoryChannel.RESPONSE, InventoryChannel.PROTO_RESOURCE,
        InventoryChannel.DESCRIPTOR_SET_RESOURCE));
    roundTrip(InventoryChannel.RESPONSE, new ItemMissing("SKU-404"));
  }

  private static void describe(ChannelInfo channel) {
    OUT.printf("channel %s, protocol version \"%s\"%n", channel.name(), channel.version());
    OUT.printf("  %-17s %s%n", "connect", members(channel.connect().javaType()));
    OUT.printf("  %-17s %s%n", "client -> server", members(channel.clientMessage().javaType()));
    OUT.printf("  %-17s %s%n", "server -> client", members(channel.serverMessage().javaType()));
    OUT.printf("  %-17s %s%n", "requests", members(channel.request().javaType()));
    OUT.printf("  %-17s %s%n", "responses", members(channel.response().javaType()));
    OUT.printf("  %-17s %s (%d bytes), %s (%d bytes)%n", "resources",
        channel.protoResource(), resource(channel.protoResource()).length,
        channel.descriptorSetResource(), resource(channel.descriptorSetResource()).length);
  }

  /** A role's members: a sealed interface lists its permitted types, unions nested in brackets. */
  private static String members(Class<?> type) {
    Class<?>[] permitted = type.getPermittedSubclasses();
    if (permitted == null) {
      return type.isInterface() || type.isRecord() ? type.getSimpleName() : "(none)";
    }
    List<String> names = new ArrayList<>();
    for (Class<?> member : permitted) {
      names.add(member.isInterface()
          ? member.getSimpleName() + "[" + members(member) + "]"
          : member.getSimpleName());
    }
    return String.join(" | ", names);
  }

  private static <T> void roundTrip(MessageCodec<T> codec, T value) {
    byte[] binary = codec.toBytes(value);
    String json = codec.toJson(value);
    boolean same = codec.fromBytes(binary).equals(value) && codec.fromJson(json).equals(value);
    OUT.printf("  example %s%n", value);
    OUT.printf("    binary (%d bytes) %s%n", binary.length, HexFormat.ofDelimiter(" ").formatHex(binary));
    OUT.printf("    json   (%d bytes) %s%n", json.getBytes(StandardCharsets.UTF_8).length, json);
    OUT.printf("    decoded back from both: %s%n%n", same ? "equal" : "DIFFERENT");
    if (!same) {
      throw new IllegalStateException("round trip changed " + value);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = SchemaTour.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing generated resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
