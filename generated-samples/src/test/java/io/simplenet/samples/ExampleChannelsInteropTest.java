package io.simplenet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import io.simplenet.codec.MessageCodec;
import io.simplenet.examples.chat.ChatChannel;
import io.simplenet.examples.chat.GetHistory;
import io.simplenet.examples.chat.HistoryPage;
import io.simplenet.examples.chat.Join;
import io.simplenet.examples.chat.Post;
import io.simplenet.examples.chat.Typing;
import io.simplenet.examples.game.Damaged;
import io.simplenet.examples.game.GameSyncChannel;
import io.simplenet.examples.game.PlayerInput;
import io.simplenet.examples.geometry.Vec2;
import io.simplenet.examples.inventory.InventoryChannel;
import io.simplenet.examples.inventory.Item;
import io.simplenet.examples.inventory.ItemFound;
import io.simplenet.examples.inventory.ReserveStock;
import io.simplenet.examples.lobby.FindMatch;
import io.simplenet.examples.lobby.GameMode;
import io.simplenet.examples.lobby.LobbyChannel;
import io.simplenet.examples.lobby.Region;
import io.simplenet.examples.seed.TestChannel;
import io.simplenet.examples.seed.TestClientRequest;
import io.simplenet.examples.seed.TestConnectMsg;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The code and resources the real plugin build generated from {@code schema-examples/} agree with
 * protobuf-java itself: the packaged descriptor sets describe exactly the bytes and JSON our codecs
 * write, in both directions.
 */
class ExampleChannelsInteropTest {

  static Stream<Arguments> examples() {
    Map<String, Integer> quantities = new LinkedHashMap<>();
    quantities.put("SKU-1", 3);
    quantities.put("SKU-2", -1); // uint32 max: unsigned on the wire and in JSON
    return Stream.of(
        example(TestChannel.DESCRIPTOR_SET_RESOURCE, TestChannel.CONNECT, new TestConnectMsg("hello")),
        example(TestChannel.DESCRIPTOR_SET_RESOURCE, TestChannel.REQUEST, new TestClientRequest(-2L)),
        example(ChatChannel.DESCRIPTOR_SET_RESOURCE, ChatChannel.CONNECT,
            Join.builder().name("ada").avatarUrl("https://example.invalid/a.png").build()),
        example(ChatChannel.DESCRIPTOR_SET_RESOURCE, ChatChannel.CLIENT_MESSAGE, new Typing(true)),
        example(ChatChannel.DESCRIPTOR_SET_RESOURCE, ChatChannel.REQUEST, new GetHistory(0, 50)),
        example(ChatChannel.DESCRIPTOR_SET_RESOURCE, ChatChannel.RESPONSE,
            new HistoryPage(List.of(new Post(1, "ada", "hi 👋", -5L), Post.DEFAULT), true)),
        example(LobbyChannel.DESCRIPTOR_SET_RESOURCE, LobbyChannel.REQUEST,
            new FindMatch(GameMode.CAPTURE_THE_FLAG, 1500, List.of(Region.ASIA, Region.EU_WEST))),
        example(GameSyncChannel.DESCRIPTOR_SET_RESOURCE, GameSyncChannel.CLIENT_MESSAGE,
            new PlayerInput(9, new Vec2(Float.MIN_VALUE, -0.0f), true, Float.NaN)),
        example(GameSyncChannel.DESCRIPTOR_SET_RESOURCE, GameSyncChannel.SERVER_MESSAGE,
            new Damaged(10, 3, Integer.MIN_VALUE, null)),
        example(InventoryChannel.DESCRIPTOR_SET_RESOURCE, InventoryChannel.REQUEST,
            new ReserveStock("order-7", quantities, 30)),
        example(InventoryChannel.DESCRIPTOR_SET_RESOURCE, InventoryChannel.RESPONSE,
            new ItemFound(Item.builder()
                .sku("SKU-1").title("Mug").priceMinor(Long.MAX_VALUE).currency("EUR")
                .attributes(Map.of("color", "blue"))
                .thumbnailPng(ByteString.copyFrom(new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .build())));
  }

  private static <T> Arguments example(String descriptorSet, MessageCodec<T> codec, T value) {
    return Arguments.of(descriptorSet, codec, value);
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("examples")
  <T> void protobufReadsOurBytesAndWeReadItsBytes(String set, MessageCodec<T> codec, T value)
      throws IOException {
    Descriptor type = descriptor(set, codec.protoName());
    DynamicMessage parsed = DynamicMessage.parseFrom(type, codec.toBytes(value));
    assertEquals(value, codec.fromBytes(parsed.toByteArray()));
    assertEquals(parsed, DynamicMessage.parseFrom(type, parsed.toByteArray()));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("examples")
  <T> void jsonFormatReadsOurJsonAndWeReadItsJson(String set, MessageCodec<T> codec, T value)
      throws IOException {
    Descriptor type = descriptor(set, codec.protoName());
    DynamicMessage.Builder fromOurJson = DynamicMessage.newBuilder(type);
    JsonFormat.parser().merge(codec.toJson(value), fromOurJson);
    assertEquals(value, codec.fromBytes(fromOurJson.build().toByteArray()));

    DynamicMessage fromOurBytes = DynamicMessage.parseFrom(type, codec.toBytes(value));
    assertEquals(value, codec.fromJson(JsonFormat.printer().print(fromOurBytes)));
  }

  @Test
  void everyExampleChannelShipsItsProtoAndDescriptorSet() throws IOException {
    for (String resource : List.of(TestChannel.PROTO_RESOURCE, ChatChannel.PROTO_RESOURCE,
        LobbyChannel.PROTO_RESOURCE, GameSyncChannel.PROTO_RESOURCE,
        InventoryChannel.PROTO_RESOURCE)) {
      assertNotNull(read(resource), resource);
    }
    // game_sync.channel imports shared/geometry.channel: its set carries both, dependency first.
    FileDescriptorSet set =
        FileDescriptorSet.parseFrom(read(GameSyncChannel.DESCRIPTOR_SET_RESOURCE));
    assertEquals(List.of("shared/geometry.proto", "game_sync.proto"),
        set.getFileList().stream().map(FileDescriptorProto::getName).toList());
  }

  /** Links the packaged descriptor set (dependencies come first) and finds {@code fullName}. */
  private static Descriptor descriptor(String setResource, String fullName) throws IOException {
    FileDescriptorSet set = FileDescriptorSet.parseFrom(read(setResource));
    Map<String, FileDescriptor> linked = new HashMap<>();
    Descriptor found = null;
    for (FileDescriptorProto file : set.getFileList()) {
      List<FileDescriptor> dependencies = new ArrayList<>();
      file.getDependencyList().forEach(name -> dependencies.add(linked.get(name)));
      try {
        FileDescriptor descriptor =
            FileDescriptor.buildFrom(file, dependencies.toArray(new FileDescriptor[0]));
        linked.put(file.getName(), descriptor);
        String prefix = descriptor.getPackage() + ".";
        if (fullName.startsWith(prefix)) {
          Descriptor candidate =
              descriptor.findMessageTypeByName(fullName.substring(prefix.length()));
          found = candidate != null ? candidate : found;
        }
      } catch (DescriptorValidationException e) {
        throw new AssertionError("packaged descriptor set " + setResource + " does not link", e);
      }
    }
    assertNotNull(found, () -> fullName + " is not in " + setResource);
    return found;
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in =
        ExampleChannelsInteropTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, () -> "missing resource " + resource);
      return in.readAllBytes();
    }
  }
}
