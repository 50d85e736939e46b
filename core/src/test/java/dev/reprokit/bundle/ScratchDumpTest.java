package dev.reprokit.bundle;

import dev.reprokit.RecorderConfig;
import dev.reprokit.testing.BundleSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDumpTest {
  @Test
  void dump() throws Exception {
    Path dir = Path.of("/tmp/bundle-scratch");
    Files.createDirectories(dir);
    Path p = new BundleWriter(RecorderConfig.builder().bundleDirectory(dir).build())
        .write(SampleSnapshots.everything());
    System.out.println("WROTE " + p);
    BundleSchemas.assertValid(p);
    System.out.println("VALID");
  }
}
