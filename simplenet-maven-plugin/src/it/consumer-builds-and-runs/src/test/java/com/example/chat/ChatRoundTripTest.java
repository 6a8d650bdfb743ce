package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.common.User;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uses the code generated from chat.channel and its import, as an application would. */
class ChatRoundTripTest {
  private static final Posted POSTED =
      new Posted(new User(7L, "ada"), new Text("hello", Mood.HAPPY));

  @Test
  void messageRoundTripsThroughBinary() {
    byte[] bytes = PostedCodec.INSTANCE.toBytes(POSTED);

    assertEquals(POSTED, PostedCodec.INSTANCE.fromBytes(bytes));
  }

  @Test
  void messageRoundTripsThroughJson() {
    String json = PostedCodec.INSTANCE.toJson(POSTED);

    assertTrue(json.contains("\"mood\":\"HAPPY\""), json);
    assertEquals(POSTED, PostedCodec.INSTANCE.fromJson(json));
  }

  @Test
  void unionMembersKeepTheirTypeInsideLists() {
    Page page = new Page(List.of(POSTED, new Posted(new User(8L, "grace"), new Sticker("wave"))));

    Page decoded = PageCodec.INSTANCE.fromBytes(PageCodec.INSTANCE.toBytes(page));

    assertEquals(page, decoded);
    assertTrue(decoded.posts().get(1).post() instanceof Sticker);
  }

  @Test
  void clientRoleAcceptsTheUnionMembers() {
    ChatClientMessage message = new Text("hi", Mood.GRUMPY);

    byte[] bytes = ChatClientMessageCodec.INSTANCE.toBytes(message);

    assertEquals(message, ChatClientMessageCodec.INSTANCE.fromBytes(bytes));
  }

  @Test
  void channelConstantsDescribeTheSchema() throws IOException {
    assertEquals("Chat", ChatChannel.NAME);
    assertEquals("1.0.0", ChatChannel.VERSION);
    for (String resource :
        List.of(ChatChannel.PROTO_RESOURCE, ChatChannel.DESCRIPTOR_SET_RESOURCE)) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        assertNotNull(in, resource + " is not on the classpath");
      }
    }
  }
}
