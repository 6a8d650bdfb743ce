package io.simplenet.bench.codec;

import io.simplenet.bench.schema.PlayerUpdate;
import io.simplenet.bench.schema.PlayerUpdateCodec;
import java.time.Duration;
import java.util.List;
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
  /** The most operations {@link #warmUp} makes per codec, whatever the time allows. */
  private static final int MAX_WARMUP_OPERATIONS = 5_000_000;

  /** JMH's token for a Blackhole made outside a benchmark. */
  private static final String BLACKHOLE_TOKEN =
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

  /**
   * Runs each codec's operation for {@code perCodec} (at most {@link #MAX_WARMUP_OPERATIONS}
   * times), so that the JIT has compiled the codecs before JMH's own warm-up: on a busy 2-core
   * machine the interpreted first iterations otherwise took longer than JMH's warm-up.
   */
  static void warmUp(Duration perCodec) throws Exception {
    CodecBenchmark benchmark = new CodecBenchmark();
    Blackhole blackhole = new Blackhole(BLACKHOLE_TOKEN);
    List<Operation> operations =
        List.of(benchmark::simplenetBinary, benchmark::simplenetJson, benchmark::protoc);
    for (Operation operation : operations) {
      long end = System.nanoTime() + perCodec.toNanos();
      for (int i = 0; i < MAX_WARMUP_OPERATIONS && System.nanoTime() < end; i++) {
        operation.run(blackhole);
      }
    }
  }

  /** One benchmark method. */
  private interface Operation {
    void run(Blackhole blackhole) throws Exception;
  }

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
