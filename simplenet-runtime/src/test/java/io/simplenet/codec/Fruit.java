package io.simplenet.codec;

/** A test enum shaped like a generated one: numbers, {@code UNRECOGNIZED} and {@code forNumber}. */
enum Fruit {
  APPLE(0),
  PEAR(2),
  UNRECOGNIZED(-1);

  static final ValueCodec<Fruit> CODEC =
      ValueCodec.ofEnum(Fruit.class, Fruit::number, Fruit::forNumber);

  private final int number;

  Fruit(int number) {
    this.number = number;
  }

  int number() {
    if (this == UNRECOGNIZED) {
      throw new IllegalStateException("UNRECOGNIZED has no number");
    }
    return number;
  }

  static Fruit forNumber(int number) {
    return switch (number) {
      case 0 -> APPLE;
      case 2 -> PEAR;
      default -> UNRECOGNIZED;
    };
  }
}
