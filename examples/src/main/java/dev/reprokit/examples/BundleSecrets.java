package dev.reprokit.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Looks for secrets in the raw bytes of a bundle and of every entry in it. */
public final class BundleSecrets {
  private BundleSecrets() {}

  /** Every {@code secret} found, as {@code "secret in entry"}; empty when the bundle is clean. */
  public static List<String> find(Path bundle, String... secrets) throws IOException {
    List<String> found = new ArrayList<>();
    check(Files.readAllBytes(bundle), bundle.getFileName() + " (raw zip)", secrets, found);
    try (InputStream in = Files.newInputStream(bundle);
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        check(zip.readAllBytes(), e.getName(), secrets, found);
      }
    }
    return found;
  }

  private static void check(byte[] data, String where, String[] secrets, List<String> found) {
    String latin1 = new String(data, StandardCharsets.ISO_8859_1);
    for (String secret : secrets) {
      String asLatin1 = new String(secret.getBytes(StandardCharsets.UTF_8),
          StandardCharsets.ISO_8859_1);
      if (latin1.contains(asLatin1)) {
        found.add(secret + " in " + where);
      }
    }
  }
}
