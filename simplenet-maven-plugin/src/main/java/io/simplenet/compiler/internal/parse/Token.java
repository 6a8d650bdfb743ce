package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.Docs;

/**
 * One lexical token at a 1-based line and column.
 *
 * @param text the token as written in the source
 * @param string the decoded value of a {@link Kind#STRING}, else empty
 * @param number the value of a {@link Kind#INT}, else 0
 * @param docs the {@code ///} lines directly above the token
 * @param reported whether the lexer already reported this token as malformed, so the parser does
 *     not report it again
 */
record Token(
    Kind kind,
    String text,
    String string,
    long number,
    int line,
    int column,
    Docs docs,
    boolean reported) {

  /** What a token is. Keywords are {@link #WORD}s: most of them are only keywords in context. */
  enum Kind {
    WORD,
    INT,
    STRING,
    /** One of {@code { } < > ( ) , ; = .}. */
    PUNCT,
    /** {@code @} and the word after it. */
    ANNOTATION,
    EOF
  }

  boolean isWord(String word) {
    return kind == Kind.WORD && text.equals(word);
  }

  boolean isPunct(char c) {
    return kind == Kind.PUNCT && text.charAt(0) == c;
  }

  /** How a message names this token after "found": {@code 'string'} or {@code end of file}. */
  String describe() {
    return switch (kind) {
      case EOF -> "end of file";
      case STRING -> "string " + text;
      default -> "'" + text + "'";
    };
  }
}
