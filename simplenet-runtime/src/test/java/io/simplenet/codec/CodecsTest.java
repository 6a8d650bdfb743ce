package io.simplenet.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The convenience methods of {@link MessageCodec}: exact sizes, depth limits, error messages. */
@Timeout(30)
class CodecsTest {
  private static final Node.Codec CODEC = Node.Codec.INSTANCE;

  @Test
  void roundTripsBothFormats() {
    Node node = new Node(7, Node.leaf(-1), List.of(Node.leaf(0), Node.chain(3)));
    byte[] bytes = CODEC.toBytes(node);
    assertEquals(CODEC.serializedSize(node), bytes.length);
    assertEquals(node, CODEC.fromBytes(bytes));
    assertEquals(
        "{\"id\":7,\"next\":{\"id\":-1,\"children\":[]},\"children\":[{\"id\":0,\"children\":[]},"
            + "{\"id\":0,\"next\":{\"id\":1,\"next\":{\"id\":2,\"next\":{\"id\":3,\"children\":[]},"
            + "\"children\":[]},\"children\":[]},\"children\":[]}]}",
        CODEC.toJson(node));
    assertEquals(node, CODEC.fromJson(CODEC.toJson(node)));
    assertArrayEquals(new byte[0], CODEC.toBytes(Node.leaf(0)));
  }

  @Test
  void depthIsLimitedExactlyAtMaxDepth() {
    Node deepest = Node.chain(Limits.MAX_DEPTH);
    assertEquals(deepest, CODEC.fromBytes(CODEC.toBytes(deepest)));
    assertEquals(deepest, CODEC.fromJson(CODEC.toJson(deepest)));
    Node tooDeep = Node.chain(Limits.MAX_DEPTH + 1);
    byte[] bytes = CODEC.toBytes(tooDeep);
    CodecException binary = assertThrows(CodecException.class, () -> CODEC.fromBytes(bytes));
    assertEquals(
        "cannot decode test.Node from " + bytes.length + " bytes: messages nested deeper than 100",
        binary.getMessage());
    String json = CODEC.toJson(tooDeep);
    CodecException text = assertThrows(CodecException.class, () -> CODEC.fromJson(json));
    assertTrue(
        text.getMessage().contains("/next/next/next/next/next/next/next"), text.getMessage());
    assertTrue(text.getMessage().contains("messages nested deeper than 100"), text.getMessage());
  }

  @Test
  void listElementsCountTowardsTheDepthAndJsonNestsWithinItsLimit() {
    // In JSON each level is an object in an array: the deepest readable node's own (empty) array
    // nests exactly MAX_JSON_NESTING deep, and one level more cannot even be written.
    Node fits = nestedInLists(Limits.MAX_DEPTH);
    assertEquals(fits, CODEC.fromBytes(CODEC.toBytes(fits)));
    assertEquals(fits, CODEC.fromJson(CODEC.toJson(fits)));
    Node tooDeep = nestedInLists(Limits.MAX_DEPTH + 1);
    assertThrows(CodecException.class, () -> CODEC.fromBytes(CODEC.toBytes(tooDeep)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CODEC.toJson(tooDeep));
    assertTrue(e.getMessage().startsWith("cannot encode test.Node: "), e.getMessage());
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
  }

  /** A node whose innermost child, through {@code children}, is at {@code depth}. */
  private static Node nestedInLists(int depth) {
    Node node = Node.leaf(depth);
    for (int i = depth - 1; i >= 0; i--) {
      node = new Node(i, null, List.of(node));
    }
    return node;
  }

  @Test
  void nullArgumentsAreProgrammingErrors() {
    assertEquals(
        "value == null",
        assertThrows(NullPointerException.class, () -> CODEC.toBytes(null)).getMessage());
    assertEquals(
        "value == null",
        assertThrows(NullPointerException.class, () -> CODEC.toJson(null)).getMessage());
    assertEquals(
        "bytes == null",
        assertThrows(NullPointerException.class, () -> CODEC.fromBytes(null)).getMessage());
    assertEquals(
        "json == null",
        assertThrows(NullPointerException.class, () -> CODEC.fromJson(null)).getMessage());
  }

  @Test
  void everyDecodingFailureIsACodecExceptionNamingTheType() {
    CodecException truncated =
        assertThrows(CodecException.class, () -> CODEC.fromBytes(new byte[] {18, 5, 8}));
    assertTrue(
        truncated.getMessage().startsWith("cannot decode test.Node from 3 bytes: While parsing"),
        truncated.getMessage());
    CodecException trailing = assertThrows(CodecException.class, () -> CODEC.fromJson("{}{}"));
    assertTrue(
        trailing.getMessage().startsWith("cannot decode test.Node from JSON of 4 characters: "),
        trailing.getMessage());
    assertTrue(trailing.getMessage().contains("trailing content"), trailing.getMessage());
    CodecException syntax = assertThrows(CodecException.class, () -> CODEC.fromJson("{\"id\":}"));
    assertTrue(syntax.getMessage().contains("Unexpected character"), syntax.getMessage());
  }
}
