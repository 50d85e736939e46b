package dev.reprokit.internal.env;

import dev.reprokit.AppInfo;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds the application's name, version, build and commit when the configuration leaves
 * them unknown. In order, each filling only what is still unknown:
 * <ol>
 *   <li>{@code git.properties} (git-commit-id-maven-plugin, gradle-git-properties): first in
 *       the main jar, then on the class path — {@code git.build.version},
 *       {@code git.commit.id} (or {@code git.commit.id.full}, {@code git.commit.id.abbrev}),
 *       {@code git.build.time};</li>
 *   <li>the main jar's manifest: {@code Implementation-Title}, {@code Implementation-Version},
 *       {@code Build-Time}/{@code Build-Timestamp}/{@code Build-Date}/{@code Build-Number},
 *       {@code Build-Revision}/{@code Build-Commit}/{@code SCM-Revision}/{@code Git-Commit};</li>
 *   <li>the name of the main jar (without version) or the main class' simple name.</li>
 * </ol>
 * The main jar is the first word of {@code sun.java.command} when it ends with
 * {@code .jar}, else the class path when it is a single jar.
 */
public final class ApplicationDetector {
  private ApplicationDetector() {}

  /** Detects what it can; never throws. */
  public static AppInfo detect(Map<String, String> systemProperties, ClassLoader loader) {
    Path mainJar = mainJar(systemProperties);
    Manifest manifest = null;
    Properties git = null;
    if (mainJar != null) {
      try (JarFile jar = new JarFile(mainJar.toFile(), false)) {
        manifest = jar.getManifest();
        for (String name : new String[] {"git.properties", "BOOT-INF/classes/git.properties",
            "WEB-INF/classes/git.properties"}) {
          var entry = jar.getEntry(name);
          if (entry != null) {
            try (InputStream in = jar.getInputStream(entry)) {
              git = load(in);
            }
            break;
          }
        }
      } catch (IOException | RuntimeException unreadable) { // fall back to the class path
      }
    }
    if (git == null) {
      git = gitFromClassPath(loader);
    }
    AppInfo result = AppInfo.UNKNOWN;
    if (git != null) {
      result = result.orElse(fromGit(git));
    }
    if (manifest != null) {
      result = result.orElse(fromManifest(manifest));
    }
    return result.orElse(new AppInfo(fallbackName(systemProperties, mainJar), null, null, null));
  }

  static Properties gitFromClassPath(ClassLoader loader) {
    if (loader == null) {
      return null;
    }
    try {
      URL url = loader.getResource("git.properties");
      if (url == null) {
        return null;
      }
      try (InputStream in = url.openStream()) {
        return load(in);
      }
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  static AppInfo fromGit(Properties git) {
    String commit = first(git, "git.commit.id", "git.commit.id.full", "git.commit.id.abbrev");
    return new AppInfo(null, first(git, "git.build.version"),
        first(git, "git.build.time", "git.build.number"), commit);
  }

  static AppInfo fromManifest(Manifest manifest) {
    Attributes a = manifest.getMainAttributes();
    return new AppInfo(
        first(a, "Implementation-Title", "Bundle-Name", "Specification-Title"),
        first(a, "Implementation-Version", "Bundle-Version", "Specification-Version"),
        first(a, "Build-Time", "Build-Timestamp", "Build-Date", "Build-Number",
            "Implementation-Build"),
        first(a, "Build-Revision", "Build-Commit", "SCM-Revision", "Git-Commit",
            "Implementation-Commit"));
  }

  static Path mainJar(Map<String, String> systemProperties) {
    try {
      String command = systemProperties.get("sun.java.command");
      if (command != null && !command.isBlank()) {
        String first = command.trim().split("\\s+", 2)[0];
        if (first.endsWith(".jar")) {
          Path p = Path.of(first);
          if (Files.isRegularFile(p)) {
            return p;
          }
        }
      }
      String classPath = systemProperties.get("java.class.path");
      if (classPath != null && !classPath.isBlank() && !classPath.contains(File.pathSeparator)
          && classPath.endsWith(".jar")) {
        Path p = Path.of(classPath);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    } catch (InvalidPathException ignored) { // no usable main jar
    }
    return null;
  }

  private static String fallbackName(Map<String, String> systemProperties, Path mainJar) {
    if (mainJar != null) {
      String file = mainJar.getFileName().toString();
      String base = file.substring(0, file.length() - 4);
      return base.replaceFirst("-\\d+(?:[.\\-_][0-9A-Za-z]+)*$", "");
    }
    String command = systemProperties.get("sun.java.command");
    if (command != null && !command.isBlank()) {
      String main = command.trim().split("\\s+", 2)[0];
      int dot = main.lastIndexOf('.');
      String simple = dot >= 0 ? main.substring(dot + 1) : main;
      return simple.isEmpty() ? null : simple;
    }
    return null;
  }

  private static Properties load(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    return p;
  }

  private static String first(Properties p, String... keys) {
    for (String key : keys) {
      String v = p.getProperty(key);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }

  private static String first(Attributes a, String... keys) {
    for (String key : keys) {
      String v = a.getValue(key);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }
}
