package io.simplenet.bench;

/**
 * The machine and JVM a run measured, reported with its numbers.
 *
 * @param cores available processors
 * @param jvm the JVM's vendor, name and version
 * @param os operating system name, version and architecture
 * @param maxHeapBytes the JVM's maximum heap
 */
public record Machine(int cores, String jvm, String os, long maxHeapBytes) {

  /** This JVM's machine. */
  public static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.vendor")
            + " "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version"),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory());
  }
}
