package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.ScalarKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The schema language's keywords (see docs/schema-language.md, "Lexical structure"). */
final class Keywords {
  private Keywords() {}

  /** Keywords that are only keywords in context, so they may name fields and enum values. */
  private static final Set<String> CONTEXTUAL =
      Set.of("to", "max", "version", "connect", "client", "server", "requests", "returns");

  private static final Set<String> ALL = all();

  private static Set<String> all() {
    Set<String> all = new HashSet<>(CONTEXTUAL);
    all.addAll(
        List.of("package import message enum union channel optional reserved list map".split(" ")));
    for (ScalarKind kind : ScalarKind.values()) {
      all.add(kind.schemaName());
    }
    return Set.copyOf(all);
  }

  /** True for every keyword: none may name a type or channel. */
  static boolean isKeyword(String word) {
    return ALL.contains(word);
  }

  /** True for the keywords that may not name a field or enum value either. */
  static boolean isStrictKeyword(String word) {
    return ALL.contains(word) && !CONTEXTUAL.contains(word);
  }

  /** True for a word that starts a top-level declaration when followed by a name. */
  static boolean startsDeclaration(String word) {
    return word.equals("message")
        || word.equals("enum")
        || word.equals("union")
        || word.equals("channel");
  }
}
