package io.simplenet.compiler.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simplenet.compiler.internal.model.Channel;
import io.simplenet.compiler.internal.model.UnionType;
import io.simplenet.compiler.testing.SchemaFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules on unions, channels and their roles. */
class UnionAndChannelRulesTest {
  @TempDir Path root;

  private List<String> errors(String text) {
    return TestSchemas.errors(root, text);
  }

  @Test
  void unionMembersMustBeMessagesOrUnionsOfTheSameFile() {
    SchemaFiles.write(root, "other.channel", "package p;\nmessage Point {}\n");
    assertEquals(
        List.of(
            "test.channel:4:15: error: union member 'Color' is an enum; it must be a message or"
                + " union",
            "test.channel:4:26: error: union member 'Point' is declared in other.channel; it must"
                + " be declared in this file, because it implements the generated sealed interface"
                + " 'Shape'"),
        errors(
            """
            package p;
            import "other.channel";
            enum Color { COLOR_ZERO = 0; }
            union Shape { Color = 1; Point = 2; }
            """));
  }

  @Test
  void unionMemberNumbersAndDuplicates() {
    assertEquals(
        List.of(
            "test.channel:2:15: error: member number 0 is out of range; member numbers are 1 to"
                + " 536870911",
            "test.channel:2:22: error: member number 0 is out of range; member numbers are 1 to"
                + " 536870911",
            "test.channel:3:22: error: member number 1 is already used by 'A' (line 3)",
            "test.channel:4:22: error: member number 3 is reserved (line 4)",
            "test.channel:5:11: error: member name 'A' is reserved (line 5)",
            "test.channel:6:18: error: 'A' is already a member of union 'Y' (line 6)",
            "test.channel:7:7: error: union 'Z' has no members; add at least one"),
        errors(
            """
            package p;
            union U { A = 0; B = 0; }
            union V { A = 1; B = 1; }
            union W { A = 1; B = 3; reserved 3; }
            union X { A = 1; reserved "A"; }
            union Y { A = 1; A = 2; }
            union Z { }
            message A {}
            message B {}
            """));
  }

  @Test
  void memberTypesThatBecomeTheSameFieldName() {
    assertEquals(
        List.of(
            "test.channel:2:28: error: 'HTTPRequest' and 'HttpRequest' (line 2) both become the"
                + " field 'http_request' of union 'U'; rename one"),
        errors(
            """
            package p;
            union U { HttpRequest = 1; HTTPRequest = 2; }
            message HttpRequest {}
            message HTTPRequest {}
            """));
  }

  @Test
  void aTypeIsReachableOnlyOnceInAUnion() {
    assertEquals(
        List.of(
            "test.channel:2:26: error: 'Circle' is reachable twice in union 'Shape': through"
                + " 'Group' (line 2) and through 'Circle'; a type may be reachable only once in a"
                + " union, directly or through nested unions"),
        errors(
            """
            package p;
            union Shape { Group = 1; Circle = 2; }
            union Group { Circle = 1; Square = 2; }
            message Circle {}
            message Square {}
            """));
  }

  @Test
  void unionsCannotContainThemselves() {
    assertEquals(
        List.of(
            "test.channel:3:11: error: union cycle: A -> B -> A; a union cannot contain itself,"
                + " directly or through other unions",
            "test.channel:4:11: error: union cycle: C -> C; a union cannot contain itself, directly"
                + " or through other unions"),
        errors(
            """
            package p;
            union A { B = 1; }
            union B { A = 1; }
            union C { C = 1; }
            """));
  }

  @Test
  void channelItemsAreRequiredOnce() {
    assertEquals(
        List.of(
            "test.channel:2:9: error: channel 'Chat' has no 'version'; add e.g. 'version"
                + " \"1.0.0\";'",
            "test.channel:2:9: error: channel 'Chat' has no 'connect'; add e.g. 'connect Hello;'",
            "test.channel:2:9: error: channel 'Chat' has no 'client'; add 'client { }' if clients"
                + " send no one-shot messages",
            "test.channel:2:9: error: channel 'Chat' has no 'server'; add 'server { }' if the"
                + " server sends no one-shot messages",
            "test.channel:2:9: error: channel 'Chat' has no 'requests'; add 'requests { }' if there"
                + " are no requests",
            "test.channel:4:24: error: duplicate 'version' in channel 'Twice'; first at line 4",
            "test.channel:4:52: error: duplicate 'connect' in channel 'Twice'; first at line 4",
            "test.channel:5:14: error: duplicate 'client' in channel 'Twice'; first at line 5",
            "test.channel:6:14: error: duplicate 'server' in channel 'Twice'; first at line 6",
            "test.channel:7:16: error: duplicate 'requests' in channel 'Twice'; first at line 7"),
        errors(
            """
            package p;
            channel Chat { }
            channel Twice {
              version "1"; version "2"; connect Hello; connect Hello;
              client { } client { }
              server { } server { }
              requests { } requests { }
            }
            message Hello {}
            """));
  }

  @Test
  void versionsAreShortAndPlain() {
    assertEquals(
        List.of(
            "test.channel:2:21: error: invalid version \"1.0 beta\": use 1 to 64 characters from"
                + " A-Z a-z 0-9 . _ + -",
            "test.channel:3:21: error: invalid version \"\": use 1 to 64 characters from A-Z a-z"
                + " 0-9 . _ + -",
            "test.channel:4:21: error: invalid version \""
                + "9".repeat(65)
                + "\": use 1 to 64 characters from A-Z a-z 0-9 . _ + -"),
        errors(
            """
            package p;
            channel A { version "1.0 beta"; connect M; client { } server { } requests { } }
            channel B { version ""; connect M; client { } server { } requests { } }
            channel C { version "%s"; connect M; client { } server { } requests { } }
            channel D { version "%s"; connect M; client { } server { } requests { } }
            message M {}
            """
                .formatted("9".repeat(65), "Az09._+-".repeat(8))));
  }

  @Test
  void connectMustBeAMessageOrUnion() {
    assertEquals(
        List.of(
            "test.channel:2:34: error: connect type 'E' is an enum; it must be a message or union"),
        errors(
            """
            package p;
            channel C { version "1"; connect E; client { } server { } requests { } }
            enum E { Z = 0; }
            """));
  }

  @Test
  void roleMembersMustBeDeclaredWithTheChannel() {
    SchemaFiles.write(root, "other.channel", "package p;\nmessage Far {}\n");
    assertEquals(
        List.of(
            "test.channel:5:12: error: client message 'Far' is declared in other.channel; it must"
                + " be declared in this file, because it implements the generated sealed interface"
                + " 'ChatClientMessage'",
            "test.channel:6:12: error: server message 'E' is an enum; it must be a message or"
                + " union",
            "test.channel:7:14: error: request type 'Far' is declared in other.channel; it must be"
                + " declared in this file, because it implements the generated sealed interface"
                + " 'ChatRequest'",
            "test.channel:7:43: error: response type 'Far' is declared in other.channel; it must be"
                + " declared in this file, because it implements the generated sealed interface"
                + " 'ChatResponse'"),
        errors(
            """
            package p;
            import "other.channel";
            channel Chat {
              version "1"; connect Far;
              client { Far = 1; }
              server { E = 1; }
              requests { Far returns M = 1; M returns Far = 2; }
            }
            message M {}
            enum E { Z = 0; }
            """));
  }

  @Test
  void roleNumbersAndRequestTypesAreUnique() {
    assertEquals(
        List.of(
            "test.channel:4:23: error: member number 1 is already used by 'A' (line 4)",
            "test.channel:5:16: error: member number 19500 is in protobuf's reserved range 19000 to"
                + " 19999",
            "test.channel:6:45: error: request number 2 is reserved (line 6)",
            "test.channel:7:5: error: request type 'A' is already used by request 1 (line 6); each"
                + " request type names one kind of request"),
        errors(
            """
            package p;
            channel Chat {
              version "1"; connect A;
              client { A = 1; B = 1; }
              server { A = 19500; }
              requests { A returns B = 1; B returns B = 2; reserved 2;
                A returns A = 3; }
            }
            message A {}
            message B {}
            """));
  }

  @Test
  void aTypeIsReachableOnlyOnceInARole() {
    assertEquals(
        List.of(
            "test.channel:4:23: error: 'Circle' is reachable twice in role 'ChatClientMessage':"
                + " through 'Shape' (line 4) and through 'Circle'; a type may be reachable only"
                + " once in a union, directly or through nested unions",
            "test.channel:5:45: error: 'Circle' is reachable twice in role 'ChatResponse': through"
                + " 'Shape' (line 5) and through 'Circle'; a type may be reachable only once in a"
                + " union, directly or through nested unions"),
        errors(
            """
            package p;
            channel Chat {
              version "1"; connect Circle; server { }
              client { Shape = 1; Circle = 2; }
              requests { A returns Shape = 1; B returns Circle = 2; }
            }
            union Shape { Circle = 1; }
            message Circle {}
            message A {}
            message B {}
            """));
  }

  @Test
  void responseRoleNumbersEachTypeByTheLowestKindAnsweringIt() {
    SchemaFiles.write(
        root,
        "test.channel",
        """
        package p;
        channel Chat {
          version "1"; connect A; client { } server { }
          requests {
            C returns Ok = 7;
            A returns Page = 3;
            B returns Ok = 2;
          }
        }
        message A {}
        message B {}
        message C {}
        message Ok {}
        message Page {}
        """);
    Channel chat =
        TestSchemas.load(root, "test.channel").schemas().schema("test.channel").channels().get(0);
    assertEquals(List.of("ok=2", "page=3"), numbers(chat.responses()));
    assertEquals(List.of("c=7", "a=3", "b=2"), numbers(chat.requests()));
    assertEquals("test.channel:5:15", chat.responses().members().get(0).pos().toString());
  }

  private static List<String> numbers(UnionType union) {
    return union.members().stream().map(m -> m.fieldName() + "=" + m.number()).toList();
  }
}
