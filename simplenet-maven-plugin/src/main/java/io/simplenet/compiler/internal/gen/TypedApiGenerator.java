package io.simplenet.compiler.internal.gen;

import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.Channel;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import java.util.List;

/**
 * Generates the typed API of a channel, which wraps the runtime so that an application never
 * names a type parameter or casts: {@code <Channel>Server}, its events, handler and request token,
 * and {@code <Channel>Client}, its events and request signal.
 */
final class TypedApiGenerator {
  private TypedApiGenerator() {}

  /** The {@code .java} files of {@code channel}'s typed API, server side first. */
  static List<GeneratedFile> generate(SchemaSet schemas, Schema schema, Channel channel) {
    TypedChannel typed = new TypedChannel(schemas, channel);
    return List.of(
        JavaFiles.write(schemas, schema, TypedServerGenerator.server(typed)),
        JavaFiles.write(schemas, schema, TypedEventsGenerator.serverEvent(typed)),
        JavaFiles.write(schemas, schema, TypedHandlerGenerator.generate(typed)),
        JavaFiles.write(schemas, schema, TypedServerGenerator.requestToken(typed)),
        JavaFiles.write(schemas, schema, TypedClientGenerator.client(typed)),
        JavaFiles.write(schemas, schema, TypedEventsGenerator.clientEvent(typed)),
        JavaFiles.write(schemas, schema, TypedClientGenerator.requestSignal(typed)));
  }
}
