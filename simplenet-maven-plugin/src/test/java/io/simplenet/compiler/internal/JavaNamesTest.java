package io.simplenet.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavaNamesTest {
  @Test
  void keywordsRestrictedIdentifiersAndLiterals() {
    assertTrue(JavaNames.isKeyword("class"));
    assertTrue(JavaNames.isKeyword("_"));
    assertTrue(JavaNames.isKeyword("goto"));
    assertFalse(JavaNames.isKeyword("var"));
    assertTrue(JavaNames.isRestrictedIdentifier("var"));
    assertTrue(JavaNames.isRestrictedIdentifier("permits"));
    assertTrue(JavaNames.isLiteral("null"));
    assertEquals("a Java keyword", JavaNames.reservedWordKind("default"));
    assertEquals("a restricted identifier in Java", JavaNames.reservedWordKind("sealed"));
    assertEquals("a Java literal", JavaNames.reservedWordKind("true"));
    assertNull(JavaNames.reservedWordKind("Class"));
    assertNull(JavaNames.reservedWordKind("hashCode"));
  }

  @Test
  void escapeAddsAnUnderscoreToReservedWordsAndObjectMethods() {
    assertEquals("class_", JavaNames.escape("class"));
    assertEquals("default_", JavaNames.escape("default"));
    assertEquals("record_", JavaNames.escape("record"));
    assertEquals("null_", JavaNames.escape("null"));
    for (String method :
        new String[] {
          "hashCode",
          "toString",
          "equals",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize"
        }) {
      assertEquals(method + "_", JavaNames.escape(method));
    }
    assertEquals("displayName", JavaNames.escape("displayName"));
    assertEquals("Class", JavaNames.escape("Class"));
  }

  @Test
  void toJsonNameFollowsProtobuf() {
    assertEquals("displayName", JavaNames.toJsonName("display_name"));
    assertEquals("displayName", JavaNames.toJsonName("displayName"));
    assertEquals("hashCode", JavaNames.toJsonName("hash_code"));
    assertEquals("fooBar", JavaNames.toJsonName("foo__bar"));
    assertEquals("Foo", JavaNames.toJsonName("_foo"));
    assertEquals("foo", JavaNames.toJsonName("foo_"));
    assertEquals("a1B", JavaNames.toJsonName("a1_b"));
    assertEquals("a1", JavaNames.toJsonName("a_1"));
    assertEquals("", JavaNames.toJsonName("_"));
    assertEquals("HTTPRequest", JavaNames.toJsonName("HTTPRequest"));
  }

  @Test
  void toSnakeCaseSplitsWordsAndKeepsAcronymsTogether() {
    assertEquals("history_page", JavaNames.toSnakeCase("HistoryPage"));
    assertEquals("http_request", JavaNames.toSnakeCase("HTTPRequest"));
    assertEquals("rect", JavaNames.toSnakeCase("Rect"));
    assertEquals("display_name", JavaNames.toSnakeCase("displayName"));
    assertEquals("point3_d", JavaNames.toSnakeCase("Point3D"));
    assertEquals("my_type", JavaNames.toSnakeCase("My_Type"));
    assertEquals("url", JavaNames.toSnakeCase("URL"));
    assertEquals("get_url_path", JavaNames.toSnakeCase("getURLPath"));
    assertEquals("already_snake", JavaNames.toSnakeCase("already_snake"));
  }

  @Test
  void snakeCaseAndJsonNameRoundTrip() {
    for (String camel : new String[] {"displayName", "historyPage", "a", "x1Y2"}) {
      assertEquals(camel, JavaNames.toJsonName(JavaNames.toSnakeCase(camel)));
    }
  }
}
