package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.SourcePos;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The decoded text of one schema file with its line table. Lines end at {@code \n}, {@code \r\n} or
 * a lone {@code \r}, the same rule the {@link Lexer} counts lines by.
 *
 * @param path relative to the source root, with {@code /} separators
 * @param hasDecodingErrors whether malformed UTF-8 was replaced with U+FFFD (already reported)
 */
record SourceText(String path, String text, boolean hasDecodingErrors, List<Integer> lineStarts) {

  static SourceText of(String path, String text, boolean hasDecodingErrors) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return new SourceText(path, text, hasDecodingErrors, List.copyOf(starts));
  }

  /** The text of 1-based {@code line} without its line break; empty if there is no such line. */
  String lineText(int line) {
    if (line < 1 || line > lineStarts.size()) {
      return "";
    }
    int start = lineStarts.get(line - 1);
    int end = line < lineStarts.size() ? lineStarts.get(line) : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The 1-based line and column of the character at {@code offset}. */
  SourcePos position(int offset) {
    int index = Collections.binarySearch(lineStarts, offset);
    int line = index >= 0 ? index + 1 : -index - 1;
    int lineStart = lineStarts.get(line - 1);
    return new SourcePos(path, line, text.codePointCount(lineStart, offset) + 1);
  }
}
