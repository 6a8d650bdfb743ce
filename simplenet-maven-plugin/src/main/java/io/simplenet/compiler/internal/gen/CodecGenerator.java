package io.simplenet.compiler.internal.gen;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.Channel;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the codecs of a schema, a {@code <Type>Codec} per message, union and channel role, and
 * the {@code <Channel>Channel} class and typed API ({@link TypedApiGenerator}) of each channel.
 */
public final class CodecGenerator {
  private CodecGenerator() {}

  /**
   * The {@code .java} files of {@code schema}'s codecs and channel classes, in declaration order:
   * message codecs, then union codecs and role codecs, then each channel's class and typed API.
   */
  public static List<GeneratedFile> generate(SchemaSet schemas, Schema schema) {
    List<GeneratedFile> files = new ArrayList<>();
    for (MessageType message : schema.messages()) {
      CodecClass codec = new CodecClass(schemas, message.name(), message.deprecation());
      CodecMessageMethods.addTo(codec, message);
      files.add(JavaFiles.write(schemas, schema, codec.build()));
    }
    for (UnionType union : schema.allUnions()) {
      CodecClass codec = new CodecClass(schemas, union.name(), union.deprecation());
      CodecUnionMethods.addTo(codec, union);
      files.add(JavaFiles.write(schemas, schema, codec.build()));
    }
    for (Channel channel : schema.channels()) {
      files.add(
          JavaFiles.write(
              schemas, schema, ChannelClassGenerator.generate(schemas, schema, channel)));
      files.addAll(TypedApiGenerator.generate(schemas, schema, channel));
    }
    return files;
  }
}
