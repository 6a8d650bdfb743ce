package io.simplenet.compiler.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.Reserved;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.testing.SchemaFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules on message fields: numbers, names, reserved lines and types. */
class FieldRulesTest {
  @TempDir Path root;

  private List<String> errors(String text) {
    return TestSchemas.errors(root, text);
  }

  @Test
  void fieldNumbersOutOfRange() {
    assertEquals(
        List.of(
            "test.channel:3:13: error: field number 0 is out of range; field numbers are 1 to"
                + " 536870911",
            "test.channel:4:13: error: field number -1 is out of range; field numbers are 1 to"
                + " 536870911",
            "test.channel:5:13: error: field number 536870912 is out of range; field numbers are 1"
                + " to 536870911"),
        errors(
            """
            package p;
            message M {
              int32 a = 0;
              int32 b = -1;
              int32 c = 536870912;
              int32 d = 536870911;
            }
            """));
  }

  @Test
  void fieldNumbersInProtobufsReservedRange() {
    assertEquals(
        List.of(
            "test.channel:3:17: error: field number 19000 is in protobuf's reserved range 19000 to"
                + " 19999",
            "test.channel:4:16: error: field number 19999 is in protobuf's reserved range 19000 to"
                + " 19999"),
        errors(
            """
            package p;
            message M {
              string note = 19000;
              string end = 19999;
              string after = 20000;
              string before = 18999;
            }
            """));
  }

  @Test
  void duplicateFieldNumbersAndNames() {
    assertEquals(
        List.of(
            "test.channel:5:17: error: field number 2 is already used by 'name' (line 4)",
            "test.channel:6:10: error: field name 'name' is already used (line 4)"),
        errors(
            """
            package p;
            message M {
              int32 id = 1;
              string name = 2;
              string nick = 2;
              string name = 3;
            }
            """));
  }

  @Test
  void reservedNumbersAndNames() {
    assertEquals(
        List.of(
            "test.channel:3:13: error: field number 9 is reserved (line 8)",
            "test.channel:4:13: error: field number 25 is reserved (line 8)",
            "test.channel:5:13: error: field number 5000 is reserved (line 8)",
            "test.channel:6:10: error: field name 'password' is reserved (line 9)"),
        errors(
            """
            package p;
            message M {
              int32 a = 9;
              int32 b = 25;
              int32 c = 5000;
              string password = 4;
              int32 ok = 10;
              reserved 9, 20 to 29, 1000 to max;
              reserved "password", "legacy_id";
            }
            """));
  }

  @Test
  void invalidReservedRanges() {
    assertEquals(
        List.of(
            "test.channel:2:22: error: field number 0 is out of range; field numbers are 1 to"
                + " 536870911",
            "test.channel:2:25: error: reserved range 20 to 10 is empty; write the smaller number"
                + " first",
            "test.channel:3:26: error: enum value number 2147483648 is out of range; enum value"
                + " numbers are -2147483648 to 2147483647"),
        errors(
            """
            package p;
            message M { reserved 0, 20 to 10; }
            enum E { Z = 0; reserved 2147483648; reserved -5 to -1, 7 to max; }
            """));
  }

  @Test
  void reservedLinesReachTheModel() {
    SchemaFiles.write(
        root,
        "test.channel",
        """
        package p;
        enum E { Z = 0; reserved -5 to -1, 7 to max; reserved "OLD"; }
        """);
    Schema schema = TestSchemas.load(root, "test.channel").schemas().schema("test.channel");
    assertEquals(
        new Reserved(
            List.of(new Reserved.Range(-5, -1), new Reserved.Range(7, Integer.MAX_VALUE)),
            List.of("OLD")),
        schema.enums().get(0).reserved());
  }

  @Test
  void fieldsWithTheSameJsonNameCollide() {
    assertEquals(
        List.of(
            "test.channel:4:10: error: field 'displayName' and field 'display_name' (line 3) both"
                + " have the JSON and Java name 'displayName'; rename one",
            "test.channel:6:10: error: field 'class_' and field 'class' (line 5) both have the JSON"
                + " and Java name 'class'; rename one"),
        errors(
            """
            package p;
            message M {
              string display_name = 1;
              string displayName = 2;
              string class = 3;
              string class_ = 4;
            }
            """));
  }

  @Test
  void fieldNamesNeedALetterAfterTheirUnderscores() {
    assertEquals(
        List.of(
            "test.channel:2:19: error: field name '_' becomes '' in JSON and Java, which is not a"
                + " name; start field names with a letter",
            "test.channel:2:32: error: field name '_1st' becomes '1st' in JSON and Java, which is"
                + " not a name; start field names with a letter"),
        errors(
            """
            package p;
            message M { int32 _ = 1; int32 _1st = 2; int32 _ok = 3; }
            """));
  }

  @Test
  void keywordFieldNamesAreEscapedNotRejected() {
    SchemaFiles.write(
        root,
        "test.channel",
        """
        package p;
        message M {
          int32 to = 1; int32 max = 2; int32 version = 3; int32 returns = 4;
          int32 record = 5; int32 wait = 6; int32 get_class = 7; int32 _private = 8; int32 x = 9;
          int32 builder = 10; int32 to_builder = 11; int32 DEFAULT = 12;
        }
        """);
    List<Field> fields =
        TestSchemas.load(root, "test.channel")
            .schemas()
            .schema("test.channel")
            .messages()
            .get(0)
            .fields();
    assertEquals(
        List.of(
            "to", "max", "version", "returns", "record_", "wait_", "getClass_", "Private", "x",
            "builder_", "toBuilder_", "DEFAULT_"),
        fields.stream().map(Field::javaName).toList());
  }

  @Test
  void schemaKeywordsMayNameFields() {
    SchemaFiles.write(
        root,
        "test.channel",
        """
        package p;
        message M { string message = 1; int32 string = 2; bool reserved = 3; list<int32> map = 4; }
        """);
    List<Field> fields =
        TestSchemas.load(root, "test.channel")
            .schemas()
            .schema("test.channel")
            .messages()
            .get(0)
            .fields();
    assertEquals(
        List.of("message", "string", "reserved", "map"),
        fields.stream().map(Field::javaName).toList());
  }

  @Test
  void mapKeysMustBeStringOrIntegers() {
    assertEquals(
        List.of(
            "test.channel:3:7: error: map keys must be string or an integer type, found 'double'",
            "test.channel:4:7: error: map keys must be string or an integer type, found 'bool'",
            "test.channel:5:7: error: map keys must be string or an integer type, found 'E'",
            "test.channel:6:7: error: map keys must be string or an integer type, found 'list'",
            "test.channel:7:7: error: map keys must be string or an integer type, found 'Unknown'"),
        errors(
            """
            package p;
            message M {
              map<double, string> a = 1;
              map<bool, string> b = 2;
              map<E, string> c = 3;
              map<list<int32>, string> d = 4;
              map<Unknown, string> e = 5;
              map<uint32, E> ok = 6;
            }
            enum E { Z = 0; }
            """));
  }

  @Test
  void collectionsDoNotNest() {
    assertEquals(
        List.of(
            "test.channel:3:8: error: a list element cannot be a list (protobuf has no nested"
                + " collections); wrap the inner list in a message",
            "test.channel:4:8: error: a list element cannot be a map (protobuf has no nested"
                + " collections); wrap the inner map in a message",
            "test.channel:5:15: error: a map value cannot be a list (protobuf has no nested"
                + " collections); wrap the inner list in a message"),
        errors(
            """
            package p;
            message M {
              list<list<int32>> a = 1;
              list<map<string, int32>> b = 2;
              map<string, list<int32>> c = 3;
            }
            """));
  }

  @Test
  void optionalDoesNotApplyToCollections() {
    assertEquals(
        List.of(
            "test.channel:3:3: error: 'optional' cannot apply to a list; lists and maps are never"
                + " absent (absent is empty), so remove 'optional'",
            "test.channel:4:3: error: 'optional' cannot apply to a map; lists and maps are never"
                + " absent (absent is empty), so remove 'optional'"),
        errors(
            """
            package p;
            message M {
              optional list<int32> a = 1;
              optional map<string, int32> b = 2;
              optional M c = 3;
            }
            """));
  }

  @Test
  void messageContainingItselfNeedsAnOptionalField() {
    assertEquals(
        List.of(
            "test.channel:2:16: error: message 'Node' contains itself through non-optional fields:"
                + " Node.next -> Node; make one of these fields 'optional' so the message has a"
                + " finite default",
            "test.channel:5:13: error: message 'A' contains itself through non-optional fields: A.b"
                + " -> B.c -> C.a -> A; make one of these fields 'optional' so the message has a"
                + " finite default"),
        errors(
            """
            package p;
            message Node { Node next = 1; optional Node fine = 2; list<Node> also_fine = 3; }
            message A { B b = 1; }
            message B { string s = 1; C c = 2; }
            message C { A a = 1; }
            """));
  }
}
