package io.simplenet.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Enums in JSON: by name, by number, unknown ones as {@code UNRECOGNIZED}. */
class EnumCodecTest {
  private static Fruit read(String json) throws IOException {
    JsonParser in = Codecs.JSON.createParser("{\"v\":" + json + "}");
    in.nextToken();
    JsonWire.nextField(in);
    return JsonWire.read(in, 0, Fruit.CODEC);
  }

  @ParameterizedTest
  @CsvSource({
    "'\"PEAR\"', PEAR",
    "'\"APPLE\"', APPLE",
    "2, PEAR",
    "'\"2\"', PEAR",
    "2.0, PEAR",
    "7, UNRECOGNIZED",
    "'\"KIWI\"', UNRECOGNIZED",
    "'\"UNRECOGNIZED\"', UNRECOGNIZED",
    "'\"pear\"', UNRECOGNIZED",
    "null, APPLE",
  })
  void readsNamesAndNumbers(String json, Fruit expected) throws IOException {
    assertEquals(expected, read(json));
  }

  @Test
  void rejectsWhatIsNeitherNameNorNumber() {
    assertTrue(
        assertThrows(CodecException.class, () -> read("2.5"))
            .getMessage()
            .contains("must be an integer"));
    assertTrue(
        assertThrows(CodecException.class, () -> read("true"))
            .getMessage()
            .contains("expected a io.simplenet.codec.Fruit name or number, found a bool"));
  }

  @Test
  void writesNamesAndRefusesUnrecognized() throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = Codecs.JSON.createGenerator(text)) {
      out.writeStartObject();
      JsonWire.write(out, "v", Fruit.CODEC, Fruit.PEAR);
      JsonWire.write(out, "absent", Fruit.CODEC, null);
      out.writeEndObject();
    }
    assertEquals("{\"v\":\"PEAR\"}", text.toString());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> {
              try (JsonGenerator out = Codecs.JSON.createGenerator(new StringWriter())) {
                out.writeStartObject();
                JsonWire.write(out, "fruit", Fruit.CODEC, Fruit.UNRECOGNIZED);
              }
            });
    assertTrue(e.getMessage().startsWith("field 'fruit': io.simplenet.codec.Fruit.UNRECOGNIZED"));
  }
}
