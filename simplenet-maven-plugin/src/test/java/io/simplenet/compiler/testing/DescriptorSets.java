package io.simplenet.compiler.testing;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Links descriptor sets the way a protobuf consumer does. */
public final class DescriptorSets {
  private DescriptorSets() {}

  /**
   * Builds every file of {@code set} against the files it imports, which must come earlier in the
   * set; returns them by file name, in set order.
   */
  public static Map<String, FileDescriptor> link(FileDescriptorSet set)
      throws DescriptorValidationException {
    Map<String, FileDescriptor> linked = new LinkedHashMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      FileDescriptor[] dependencies = new FileDescriptor[file.getDependencyCount()];
      for (int i = 0; i < dependencies.length; i++) {
        dependencies[i] = linked.get(file.getDependency(i));
        if (dependencies[i] == null) {
          throw new AssertionError(
              file.getName() + " imports " + file.getDependency(i) + ", not earlier in the set");
        }
      }
      linked.put(file.getName(), FileDescriptor.buildFrom(file, dependencies));
    }
    return linked;
  }
}
