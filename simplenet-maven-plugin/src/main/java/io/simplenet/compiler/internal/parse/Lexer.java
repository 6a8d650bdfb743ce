package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.Docs;
import io.simplenet.compiler.internal.model.SourcePos;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a schema file into {@link Token}s, reporting malformed ones. Columns are 1-based and count
 * characters (a tab is one column). {@code ///} lines directly above a token become its docs; a run
 * of them followed by a blank line, another comment or nothing is dropped.
 */
final class Lexer {
  private static final String PUNCTUATION = "{}<>(),;=.";
  private static final char REPLACEMENT = '\uFFFD';

  private final SourceText source;
  private final String text;
  private final Reporter reporter;
  private int offset;
  private int line = 1;
  private int column = 1;
  private final List<String> pendingDocs = new ArrayList<>();
  private int lastDocLine;

  private Lexer(SourceText source, Reporter reporter) {
    this.source = source;
    this.text = source.text();
    this.reporter = reporter;
  }

  /** All tokens of {@code source}, ending with one {@link Token.Kind#EOF}. */
  static List<Token> tokenize(SourceText source, Reporter reporter) {
    Lexer lexer = new Lexer(source, reporter);
    List<Token> tokens = new ArrayList<>();
    Token token;
    do {
      token = lexer.next();
      tokens.add(token);
    } while (token.kind() != Token.Kind.EOF);
    return tokens;
  }

  private Token next() {
    while (true) {
      skipWhitespaceAndComments();
      int startLine = line;
      int startColumn = column;
      int start = offset;
      if (offset >= text.length()) {
        return token(Token.Kind.EOF, "", "", 0, startLine, startColumn, false);
      }
      char c = text.charAt(offset);
      if (isWordStart(c)) {
        return word(startLine, startColumn);
      }
      if (isDigit(c)
          || (c == '-' && offset + 1 < text.length() && isDigit(text.charAt(offset + 1)))) {
        return number(startLine, startColumn);
      }
      if (c == '"') {
        return string(startLine, startColumn);
      }
      if (c == '@') {
        advance();
        consumeWordChars();
        String annotation = text.substring(start, offset);
        boolean bad = !annotation.equals("@deprecated");
        if (bad) {
          error(
              startLine,
              startColumn,
              "unknown annotation '" + annotation + "'; the only annotation is '@deprecated'");
        }
        return token(Token.Kind.ANNOTATION, annotation, "", 0, startLine, startColumn, bad);
      }
      if (PUNCTUATION.indexOf(c) >= 0) {
        advance();
        return token(Token.Kind.PUNCT, String.valueOf(c), "", 0, startLine, startColumn, false);
      }
      advance();
      // Malformed UTF-8 was reported when the file was decoded; its replacement characters are not.
      if (!(c == REPLACEMENT && source.hasDecodingErrors())) {
        error(
            startLine,
            startColumn,
            "unexpected character " + describeChar(text.substring(start, offset)));
      }
    }
  }

  private Token word(int startLine, int startColumn) {
    int start = offset;
    consumeWordChars();
    String word = text.substring(start, offset);
    boolean bad = !isAsciiIdentifier(word);
    if (bad && !(source.hasDecodingErrors() && word.indexOf(REPLACEMENT) >= 0)) {
      error(
          startLine,
          startColumn,
          "invalid identifier '" + word + "': identifiers use only ASCII letters, digits and '_'");
    }
    return token(Token.Kind.WORD, word, "", 0, startLine, startColumn, bad);
  }

  private Token number(int startLine, int startColumn) {
    int start = offset;
    boolean negative = text.charAt(offset) == '-';
    if (negative) {
      advance();
    }
    int digitsStart = offset;
    consumeWordChars();
    String written = text.substring(start, offset);
    String body = text.substring(digitsStart, offset);
    boolean hex = body.length() > 1 && body.charAt(0) == '0' && (body.charAt(1) | 0x20) == 'x';
    String digits = hex ? body.substring(2) : body;
    if (!hex && !negative && !body.chars().allMatch(Lexer::isDigit)) {
      error(
          startLine,
          startColumn,
          "invalid identifier '" + written + "': identifiers start with a letter or '_'");
      return token(Token.Kind.WORD, written, "", 0, startLine, startColumn, true);
    }
    if (digits.isEmpty()
        || !digits.chars().allMatch(c -> Character.digit(c, hex ? 16 : 10) >= 0)
        || !digits.chars().allMatch(c -> c < 0x80)) {
      error(
          startLine,
          startColumn,
          "invalid integer '"
              + written
              + "'; write decimal ("
              + (negative ? "-42" : "42")
              + ") or hex (0x2A) digits");
      return token(Token.Kind.INT, written, "", 0, startLine, startColumn, true);
    }
    if (!hex && digits.length() > 1 && digits.charAt(0) == '0') {
      error(
          startLine,
          startColumn,
          "invalid integer '"
              + written
              + "': leading zeros are not allowed (protobuf would read it as octal)");
      return token(Token.Kind.INT, written, "", 0, startLine, startColumn, true);
    }
    BigInteger value = new BigInteger(digits, hex ? 16 : 10);
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() > 63) {
      error(startLine, startColumn, "integer " + written + " is too large");
      return token(Token.Kind.INT, written, "", 0, startLine, startColumn, true);
    }
    return token(Token.Kind.INT, written, "", value.longValue(), startLine, startColumn, false);
  }

  private Token string(int startLine, int startColumn) {
    int start = offset;
    advance();
    StringBuilder value = new StringBuilder();
    boolean bad = false;
    while (true) {
      if (offset >= text.length() || text.charAt(offset) == '\n' || text.charAt(offset) == '\r') {
        error(startLine, startColumn, "unterminated string; close it with '\"' on the same line");
        bad = true;
        break;
      }
      char c = text.charAt(offset);
      if (c == '"') {
        advance();
        break;
      }
      if (c != '\\') {
        value.append(c);
        advance();
        continue;
      }
      int escapeLine = line;
      int escapeColumn = column;
      int escapeStart = offset;
      advance();
      char escaped = offset < text.length() ? text.charAt(offset) : ' ';
      int hexEnd = Math.min(offset + 5, text.length());
      if (escaped == '"' || escaped == '\\') {
        value.append(escaped);
        advance();
      } else if (escaped == 'n') {
        value.append('\n');
        advance();
      } else if (escaped == 't') {
        value.append('\t');
        advance();
      } else if (escaped == 'u'
          && hexEnd - offset == 5
          && text.substring(offset + 1, hexEnd)
              .chars()
              .allMatch(h -> h < 0x80 && Character.digit(h, 16) >= 0)) {
        value.append((char) Integer.parseInt(text.substring(offset + 1, hexEnd), 16));
        for (int i = 0; i < 5; i++) {
          advance();
        }
      } else {
        if (offset < text.length() && text.charAt(offset) != '\n' && text.charAt(offset) != '\r') {
          advance();
        }
        error(
            escapeLine,
            escapeColumn,
            "invalid escape '"
                + text.substring(escapeStart, offset)
                + "' in string; use \\\", \\\\, \\n, \\t or \\uXXXX");
        bad = true;
      }
    }
    return token(
        Token.Kind.STRING,
        text.substring(start, offset),
        value.toString(),
        0,
        startLine,
        startColumn,
        bad);
  }

  private void skipWhitespaceAndComments() {
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (text.startsWith("///", offset) && !text.startsWith("////", offset)) {
        if (pendingDocs.isEmpty() || lastDocLine != line - 1) {
          pendingDocs.clear();
        }
        lastDocLine = line;
        int contentStart = offset + 3;
        skipToLineEnd();
        pendingDocs.add(text.substring(contentStart, offset).stripTrailing());
      } else if (text.startsWith("//", offset)) {
        skipToLineEnd();
      } else if (text.startsWith("/*", offset)) {
        int startLine = line;
        int startColumn = column;
        int end = text.indexOf("*/", offset + 2);
        int stop = end < 0 ? text.length() : end + 2;
        while (offset < stop) {
          advance();
        }
        if (end < 0) {
          error(startLine, startColumn, "unterminated comment; close it with '*/'");
        }
      } else {
        return;
      }
    }
  }

  private void skipToLineEnd() {
    while (offset < text.length() && text.charAt(offset) != '\n' && text.charAt(offset) != '\r') {
      advance();
    }
  }

  private void consumeWordChars() {
    while (offset < text.length() && isWordPart(text.charAt(offset))) {
      advance();
    }
  }

  /** Moves past one character (a surrogate pair counts as one column), tracking line and column. */
  private void advance() {
    char c = text.charAt(offset++);
    boolean lineBreak =
        c == '\n' || (c == '\r' && (offset == text.length() || text.charAt(offset) != '\n'));
    if (lineBreak) {
      line++;
      column = 1;
      return;
    }
    if (Character.isHighSurrogate(c)
        && offset < text.length()
        && Character.isLowSurrogate(text.charAt(offset))) {
      offset++;
    }
    column++;
  }

  private Token token(
      Token.Kind kind,
      String tokenText,
      String string,
      long number,
      int tokenLine,
      int tokenColumn,
      boolean reported) {
    Docs docs = Docs.NONE;
    if (!pendingDocs.isEmpty() && lastDocLine == tokenLine - 1) {
      docs = new Docs(pendingDocs);
    }
    pendingDocs.clear();
    return new Token(kind, tokenText, string, number, tokenLine, tokenColumn, docs, reported);
  }

  private void error(int errorLine, int errorColumn, String message) {
    reporter.error(new SourcePos(source.path(), errorLine, errorColumn), message);
  }

  /** Words take in any letter, digit or {@code $}, so a stray one is reported with its word. */
  private static boolean isWordStart(char c) {
    return c == '_' || isAsciiLetter(c) || (c >= 0x80 && Character.isLetter(c)) || c == REPLACEMENT;
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c)
        || isDigit(c)
        || c == '$'
        || (c >= 0x80 && Character.isLetterOrDigit(c))
        || Character.isSurrogate(c);
  }

  private static boolean isAsciiIdentifier(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!(c == '_' || isAsciiLetter(c) || (i > 0 && isDigit(c)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static String describeChar(String c) {
    int codePoint = c.codePointAt(0);
    String code = String.format("U+%04X", codePoint);
    if (codePoint < 0x20 || codePoint == 0x7F) {
      return code;
    }
    return codePoint < 0x80 ? "'" + c + "'" : "'" + c + "' (" + code + ")";
  }
}
