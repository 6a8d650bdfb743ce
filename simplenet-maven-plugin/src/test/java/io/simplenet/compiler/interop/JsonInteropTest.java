package io.simplenet.compiler.interop;

import static io.simplenet.compiler.interop.ValueAssertions.assertSameValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.interop.ValueAssertions.NaNs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our JSON against protobuf-java-util's {@link JsonFormat}, the reference implementation of
 * protobuf's JSON mapping: for random values of every fixture type, {@code JsonFormat} parses our
 * JSON into the message an independent conversion of the value expects, and our codec parses what
 * {@code JsonFormat} prints for that message (in its default, all-fields and proto-names styles)
 * back into the value.
 */
class JsonInteropTest {
  static final long SEED = 0x5EED_0002L;
  static final int VALUES_PER_TYPE = 100;

  private static final List<Map.Entry<String, JsonFormat.Printer>> PRINTERS =
      List.of(
          Map.entry("default", JsonFormat.printer()),
          Map.entry(
              "alwaysPrintFieldsWithNoPresence",
              JsonFormat.printer().alwaysPrintFieldsWithNoPresence()),
          Map.entry("preservingProtoFieldNames", JsonFormat.printer().preservingProtoFieldNames()));

  @ParameterizedTest
  @MethodSource("io.simplenet.compiler.interop.InteropCases#types")
  void protobufReadsOurJsonAndWeReadProtobufs(TypeName type) throws InvalidProtocolBufferException {
    InteropCases interop = InteropCases.of(type, SEED, VALUES_PER_TYPE);

    for (InteropCases.Case c : interop.cases()) {
      String ours = interop.codec().toJson(c.value());
      DynamicMessage.Builder parsed = DynamicMessage.newBuilder(interop.descriptor());
      JsonFormat.parser().merge(ours, parsed);
      assertEquals(
          NegativeZeros.positive(c.expected()),
          parsed.build(),
          c.context() + "\n  our JSON: " + ours);

      for (Map.Entry<String, JsonFormat.Printer> printer : PRINTERS) {
        String theirs = printer.getValue().print(c.expected());
        assertSameValue(
            c.value(),
            interop.codec().fromJson(theirs),
            NaNs.ANY_NAN,
            c.context() + "\n  " + printer.getKey() + " JSON: " + theirs);
      }
    }
  }
}
