package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.CodeBlock;
import io.simplenet.compiler.internal.model.Deprecation;
import io.simplenet.compiler.internal.model.Docs;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles one Javadoc comment: paragraphs separated by blank lines, then block tags. Schema doc
 * comments are plain text, so they are escaped to read verbatim; generated text may use Javadoc.
 */
final class JavaDoc {
  private final List<CodeBlock> paragraphs = new ArrayList<>();
  private final List<CodeBlock> tags = new ArrayList<>();

  /** Adds the schema doc comment as a paragraph, if there is one. */
  JavaDoc docs(Docs docs) {
    if (!docs.isEmpty()) {
      paragraphs.add(CodeBlock.of("$L", escape(docs.text())));
    }
    return this;
  }

  /** Adds generated text (JavaPoet format) as a paragraph. */
  JavaDoc paragraph(String format, Object... args) {
    return paragraph(CodeBlock.of(format, args));
  }

  JavaDoc paragraph(CodeBlock text) {
    paragraphs.add(text);
    return this;
  }

  /** Adds {@code @param name} with the field's docs and deprecation, if it has either. */
  JavaDoc param(String name, Docs docs, Deprecation deprecation) {
    List<String> parts = new ArrayList<>();
    if (!docs.isEmpty()) {
      parts.add(escape(docs.text()));
    }
    if (deprecation != null) {
      parts.add(deprecationNote(deprecation));
    }
    if (!parts.isEmpty()) {
      tags.add(CodeBlock.of("@param $L $L", name, String.join(" ", parts)));
    }
    return this;
  }

  /** Adds {@code @deprecated reason} if {@code deprecation} is not null. */
  JavaDoc deprecated(Deprecation deprecation) {
    if (deprecation != null) {
      tags.add(
          deprecation.reason().isEmpty()
              ? CodeBlock.of("@deprecated")
              : CodeBlock.of("@deprecated $L", escape(deprecation.reason())));
    }
    return this;
  }

  /** Adds a block tag written in Javadoc, such as {@code @throws}. */
  JavaDoc tag(String format, Object... args) {
    tags.add(CodeBlock.of(format, args));
    return this;
  }

  boolean isEmpty() {
    return paragraphs.isEmpty() && tags.isEmpty();
  }

  /** The comment's text, ending in a line break, ready for {@code addJavadoc}. */
  CodeBlock build() {
    CodeBlock.Builder out = CodeBlock.builder();
    for (int i = 0; i < paragraphs.size(); i++) {
      // Javadoc joins lines into one paragraph unless told otherwise.
      out.add(i == 0 ? "$L\n" : "\n<p>$L\n", paragraphs.get(i));
    }
    if (!paragraphs.isEmpty() && !tags.isEmpty()) {
      out.add("\n");
    }
    for (CodeBlock tag : tags) {
      out.add("$L\n", tag);
    }
    return out.build();
  }

  /**
   * "Deprecated." or "Deprecated: reason", for places that cannot carry a {@code @deprecated} tag.
   */
  static String deprecationNote(Deprecation deprecation) {
    return deprecation.reason().isEmpty()
        ? "Deprecated."
        : "Deprecated: " + escape(deprecation.reason());
  }

  /**
   * {@code text} escaped so Javadoc shows it verbatim: HTML special characters and {@code @} become
   * entities, and so do the sequences javac reads inside comments ({@code *}{@code /} ends the
   * comment, a backslash may start a unicode escape).
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
        case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
