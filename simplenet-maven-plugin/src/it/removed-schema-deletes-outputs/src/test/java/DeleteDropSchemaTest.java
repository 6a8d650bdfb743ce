import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Not a test of anything: the step between this IT's two builds. The first build generates both
 * schemas, then this deletes drop.channel, as a user would, so the second build must remove its
 * outputs. Surefire runs it with the project directory as the working directory.
 */
class DeleteDropSchemaTest {
  @Test
  void deleteDropSchema() throws Exception {
    Files.delete(Path.of("src/main/channel/drop.channel"));
  }
}
