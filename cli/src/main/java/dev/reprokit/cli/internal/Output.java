package dev.reprokit.cli.internal;

import dev.reprokit.cli.ReproCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes command output files atomically, so a failed run never leaves half a file. */
final class Output {
  private Output() {}

  static void write(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  static void write(Path target, byte[] bytes) {
    Path absolute = target.toAbsolutePath();
    try {
      Path dir = absolute.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new CliException(ReproCli.FAILED, "cannot write " + target + ": " + e, e);
    }
  }
}
