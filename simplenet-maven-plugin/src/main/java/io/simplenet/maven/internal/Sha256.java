package io.simplenet.maven.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
   * The digest of the files in a jar or a directory tree: each file's path and content, in path
   * order. Timestamps do not count, so a plugin jar that was repackaged without changes, or its
   * {@code target/classes} when it comes from the reactor, keeps its digest.
   */
  public static String ofArchive(Path jarOrDirectory) throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    if (Files.isDirectory(jarOrDirectory)) {
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(jarOrDirectory)) {
        paths = walk.filter(Files::isRegularFile).collect(Collectors.toList());
      }
      for (Path file : paths) {
        files.put(jarOrDirectory.relativize(file).toString().replace('\\', '/'), ofFile(file));
      }
    } else {
      try (ZipFile jar = new ZipFile(jarOrDirectory.toFile())) {
        for (ZipEntry entry : Collections.list(jar.entries())) {
          if (!entry.isDirectory()) {
            try (InputStream in = jar.getInputStream(entry)) {
              files.put(entry.getName(), of(in.readAllBytes()));
            }
          }
        }
      }
    }
    StringBuilder listing = new StringBuilder();
    files.forEach((path, hash) -> listing.append(hash).append(' ').append(path).append('\n'));
    return of(listing.toString().getBytes(StandardCharsets.UTF_8));
  }
}
