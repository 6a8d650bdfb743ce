package io.simplenet.bench.codec;

import io.simplenet.bench.proto.Stance;
import io.simplenet.bench.schema.PlayerUpdate;
import io.simplenet.bench.schema.PlayerUpdateCodec;
import io.simplenet.bench.schema.Vec3;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codec benchmark's one representative {@code PlayerUpdate}, as simplenet's generated record
 * and as protoc's message with the same field values, and the check that both codecs agree on it.
 *
 * <p>Immutable values; thread-safe.
 */
final class PlayerUpdates {
  private PlayerUpdates() {}

  private static final long PLAYER_ID = 7_340_129L;
  private static final String NAME = "ranger_of_north7"; // 16 characters, ASCII like most names
  private static final double[] POSITION = {1_024.25, -37.5, 88.125};
  private static final double[] VELOCITY = {0.75, 0.0, -1.5};
  private static final int HEALTH = 87;
  private static final List<Integer> INVENTORY =
      List.of(1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1_597);
  private static final Map<String, Long> STATS = stats();
  private static final long TICK = 1_234_567L;

  /** The message as simplenet's generated record. */
  static final PlayerUpdate SIMPLENET =
      PlayerUpdate.builder()
          .playerId(PLAYER_ID)
          .name(NAME)
          .position(new Vec3(POSITION[0], POSITION[1], POSITION[2]))
          .velocity(new Vec3(VELOCITY[0], VELOCITY[1], VELOCITY[2]))
          .stance(io.simplenet.bench.schema.Stance.STANCE_CROUCHING)
          .health(HEALTH)
          .inventory(INVENTORY)
          .stats(STATS)
          .alive(true)
          .tick(TICK)
          .build();

  /** The same message as protoc's generated class. */
  static final io.simplenet.bench.proto.PlayerUpdate PROTOC =
      io.simplenet.bench.proto.PlayerUpdate.newBuilder()
          .setPlayerId(PLAYER_ID)
          .setName(NAME)
          .setPosition(protocVec3(POSITION))
          .setVelocity(protocVec3(VELOCITY))
          .setStance(Stance.STANCE_CROUCHING)
          .setHealth(HEALTH)
          .addAllInventory(INVENTORY)
          .putAllStats(STATS)
          .setAlive(true)
          .setTick(TICK)
          .build();

  /**
   * Fails unless each codec decodes the other's bytes to the same message, and simplenet's JSON
   * reads back to the same record: two codecs that disagree cannot be compared.
   */
  static void checkEquivalent() throws Exception {
    byte[] ours = PlayerUpdateCodec.INSTANCE.toBytes(SIMPLENET);
    byte[] theirs = PROTOC.toByteArray();
    io.simplenet.bench.proto.PlayerUpdate protocReadsOurs =
        io.simplenet.bench.proto.PlayerUpdate.parseFrom(ours);
    if (!protocReadsOurs.equals(PROTOC)) {
      throw new IllegalStateException(
          "protoc decodes simplenet's bytes to a different message: " + protocReadsOurs);
    }
    PlayerUpdate oursReadsTheirs = PlayerUpdateCodec.INSTANCE.fromBytes(theirs);
    if (!oursReadsTheirs.equals(SIMPLENET)) {
      throw new IllegalStateException(
          "simplenet decodes protoc's bytes to a different message: " + oursReadsTheirs);
    }
    PlayerUpdate fromJson =
        PlayerUpdateCodec.INSTANCE.fromJson(PlayerUpdateCodec.INSTANCE.toJson(SIMPLENET));
    if (!fromJson.equals(SIMPLENET)) {
      throw new IllegalStateException("simplenet's JSON reads back differently: " + fromJson);
    }
    if (ours.length != theirs.length) {
      throw new IllegalStateException(
          "encodings differ in size: simplenet " + ours.length + ", protoc " + theirs.length);
    }
  }

  /** A one-line summary of the check, for the run's output. */
  static String describe() {
    byte[] ours = PlayerUpdateCodec.INSTANCE.toBytes(SIMPLENET);
    return String.format(
        "PlayerUpdate: %d binary bytes (identical to protoc's: %s), %d JSON chars",
        ours.length,
        Arrays.equals(ours, PROTOC.toByteArray()),
        PlayerUpdateCodec.INSTANCE.toJson(SIMPLENET).length());
  }

  private static Map<String, Long> stats() {
    Map<String, Long> stats = new LinkedHashMap<>();
    stats.put("kills", 42L);
    stats.put("deaths", 7L);
    stats.put("assists", 19L);
    stats.put("damage_dealt", 123_456_789L);
    return stats;
  }

  private static io.simplenet.bench.proto.Vec3 protocVec3(double[] xyz) {
    return io.simplenet.bench.proto.Vec3.newBuilder().setX(xyz[0]).setY(xyz[1]).setZ(xyz[2]).build();
  }
}
