package io.simplenet.compiler.internal.proto;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import java.util.List;
import java.util.Map;

/**
 * A schema as protobuf sees it: its file descriptor, plus the comments the {@code .proto} text
 * carries and the descriptor does not.
 *
 * @param schemaPath the {@code .channel} file, relative to the source root
 * @param fileComment the lines written above {@code package}
 * @param comments comment lines of messages, enums, fields and enum values, keyed by {@link
 *     #key(String, String)} of the element's scope and name; elements without comments are absent
 */
record ProtoFile(
    String schemaPath,
    FileDescriptorProto descriptor,
    List<String> fileComment,
    Map<String, List<String>> comments) {
  ProtoFile {
    fileComment = List.copyOf(fileComment);
    comments = Map.copyOf(comments);
  }

  /** The comment key of element {@code name} inside {@code scope} (a full name, or the package). */
  static String key(String scope, String name) {
    return scope.isEmpty() ? name : scope + "." + name;
  }

  /** The comment lines of element {@code name} inside {@code scope}; empty when it has none. */
  List<String> comment(String scope, String name) {
    return comments.getOrDefault(key(scope, name), List.of());
  }
}
