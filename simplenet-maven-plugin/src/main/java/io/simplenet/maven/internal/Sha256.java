package io.simplenet.maven.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** SHA-256 digests as lowercase hex, the form the build state stores. */
public final class Sha256 {
  private Sha256() {}

  /** A fresh SHA-256 {@link MessageDigest}; every JDK has one. */
  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The digest of {@code bytes}. */
  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  /** The digest of a file's content. */
  public static String ofFile(Path file) throws IOException {
    return of(Files.readAllBytes(file));
  }

  /**
   * The digest of a file, or of a directory tree (each regular file's relative path and content, in
   * path order): a plugin artifact is a jar, or {@code target/classes} when it comes from the
   * reactor.
   */
  public static String ofTree(Path fileOrDirectory) throws IOException {
    if (!Files.isDirectory(fileOrDirectory)) {
      return ofFile(fileOrDirectory);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    StringBuilder listing = new StringBuilder();
    for (Path file : files) {
      String relative = fileOrDirectory.relativize(file).toString().replace('\\', '/');
      listing.append(ofFile(file)).append(' ').append(relative).append('\n');
    }
    return of(listing.toString().getBytes(StandardCharsets.UTF_8));
  }
}
