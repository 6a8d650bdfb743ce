package io.simplenet.compiler.internal.model;

import java.util.List;

/**
 * One compiled {@code .channel} file.
 *
 * @param path relative to the source root, with {@code /} separators ({@code "games/lobby.channel"})
 * @param javaPackage the file's {@code package}
 * @param imports the imported files' paths, relative to the source root, in declaration order
 * @param messages declared messages, in declaration order
 * @param enums declared enums, in declaration order
 * @param unions declared unions, in declaration order (roles are in {@link Channel})
 * @param channels declared channels, in declaration order
 * @param docs the doc comment above {@code package}
 */
public record Schema(
    String path,
    String javaPackage,
    List<String> imports,
    List<MessageType> messages,
    List<EnumType> enums,
    List<UnionType> unions,
    List<Channel> channels,
    Docs docs) {
  public Schema {
    imports = List.copyOf(imports);
    messages = List.copyOf(messages);
    enums = List.copyOf(enums);
    unions = List.copyOf(unions);
    channels = List.copyOf(channels);
  }

  /** The {@code .proto} file this schema becomes, relative to the resource root. */
  public String protoPath() {
    return GeneratedNames.protoPath(path);
  }

  /** The declared unions followed by every channel's role unions. */
  public List<UnionType> allUnions() {
    List<UnionType> all = new java.util.ArrayList<>(unions);
    for (Channel channel : channels) {
      all.addAll(channel.roles());
    }
    return List.copyOf(all);
  }
}
