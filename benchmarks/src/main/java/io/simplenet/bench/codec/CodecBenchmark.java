package io.simplenet.bench.codec;

import io.simplenet.bench.schema.PlayerUpdate;
import io.simplenet.bench.schema.PlayerUpdateCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JMH benchmarks behind the {@code codec.*} scenarios: one operation is one encode of the
 * representative {@code PlayerUpdate} to a byte array (or string) and one decode of those bytes.
 *
 * <p>Public and not final because JMH's generated code extends it. JMH calls each method from its
 * own benchmark thread; the fields are immutable.
 */
@State(Scope.Benchmark)
public class CodecBenchmark {

  /** simplenet's generated binary codec: {@code toBytes} then {@code fromBytes}. */
  @Benchmark
  public void simplenetBinary(Blackhole blackhole) {
    byte[] bytes = PlayerUpdateCodec.INSTANCE.toBytes(PlayerUpdates.SIMPLENET);
    blackhole.consume(bytes);
    blackhole.consume(PlayerUpdateCodec.INSTANCE.fromBytes(bytes));
  }

  /** simplenet's generated JSON codec: {@code toJson} then {@code fromJson}. */
  @Benchmark
  public void simplenetJson(Blackhole blackhole) {
    String json = PlayerUpdateCodec.INSTANCE.toJson(PlayerUpdates.SIMPLENET);
    blackhole.consume(json);
    PlayerUpdate decoded = PlayerUpdateCodec.INSTANCE.fromJson(json);
    blackhole.consume(decoded);
  }

  /** protoc's generated protobuf-java class: {@code toByteArray} then {@code parseFrom}. */
  @Benchmark
  public void protoc(Blackhole blackhole) throws Exception {
    byte[] bytes = PlayerUpdates.PROTOC.toByteArray();
    blackhole.consume(bytes);
    blackhole.consume(io.simplenet.bench.proto.PlayerUpdate.parseFrom(bytes));
  }
}
