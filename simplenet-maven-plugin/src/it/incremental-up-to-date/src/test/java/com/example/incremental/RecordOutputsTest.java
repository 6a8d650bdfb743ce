package com.example.incremental;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Records every generated file with its timestamp and SHA-256 into target/first-build-outputs.txt,
 * so verify.groovy can prove the second build left them untouched.
 */
class RecordOutputsTest {

  @Test
  void recordGeneratedFiles() throws IOException, NoSuchAlgorithmException {
    Path target = Path.of("target");
    StringBuilder record = new StringBuilder();
    for (String root : List.of("generated-sources/simplenet", "generated-resources/simplenet")) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(target.resolve(root))) {
        files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
      }
      for (Path file : files) {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        record
            .append(target.relativize(file).toString().replace('\\', '/'))
            .append(' ')
            .append(Files.getLastModifiedTime(file).toMillis())
            .append(' ')
            .append(HexFormat.of().formatHex(hash))
            .append('\n');
      }
    }
    assertFalse(record.length() == 0, "nothing generated");
    Files.writeString(target.resolve("first-build-outputs.txt"), record);
  }
}
