package dev.reprokit.internal.env;

import dev.reprokit.env.Library;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the libraries on a class path: for each jar or directory, the Maven coordinates in
 * {@code META-INF/maven/<group>/<artifact>/pom.properties} (a shaded jar has several), else
 * {@code Implementation-Title}/{@code Implementation-Version} (or {@code Bundle-*}) in the
 * manifest, else the version in a file name like {@code foo-1.2.3.jar}. Follows the
 * {@code Class-Path} attribute of manifests (manifest-only jars, as Surefire and many
 * launchers use) and lists the jars nested under {@code BOOT-INF/lib/} and
 * {@code WEB-INF/lib/} of fat jars by their file names.
 *
 * <p>Not cheap — it opens every jar — so the collector runs it once per recorder and caches
 * the result. A jar that cannot be read is listed by its file name; the scan goes on.
 */
public final class ClassPathScanner {
  /** Upper bound on class path entries followed, against pathological manifests. */
  static final int MAX_ENTRIES = 5_000;

  private static final Pattern FILE_VERSION =
      Pattern.compile("^(.+?)-(\\d+(?:[.\\-_][0-9A-Za-z]+)*)\\.jar$");
  private static final String POM_PREFIX = "META-INF/maven/";

  private ClassPathScanner() {}

  /**
   * Scans each entry of the given path lists (e.g. {@code java.class.path} and
   * {@code jdk.module.path}), in order, each entry once. Sorted by name, then location.
   */
  public static List<Library> scan(String... pathLists) {
    Deque<Path> queue = new ArrayDeque<>();
    for (String pathList : pathLists) {
      if (pathList == null || pathList.isBlank()) {
        continue;
      }
      for (String entry : pathList.split(Pattern.quote(File.pathSeparator))) {
        if (!entry.isBlank()) {
          try {
            queue.add(Path.of(entry).toAbsolutePath().normalize());
          } catch (InvalidPathException ignored) { // not a path we can read
          }
        }
      }
    }
    Set<Path> seen = new LinkedHashSet<>();
    List<Library> out = new ArrayList<>();
    while (!queue.isEmpty() && seen.size() < MAX_ENTRIES) {
      Path path = queue.poll();
      if (!seen.add(path)) {
        continue;
      }
      if (Files.isDirectory(path)) {
        scanDirectory(path, out);
      } else if (Files.isRegularFile(path)) {
        scanJar(path, out, queue);
      }
    }
    out.sort(Comparator.comparing(Library::name)
        .thenComparing(l -> l.location() == null ? "" : l.location()));
    return out;
  }

  private static void scanJar(Path jar, List<Library> out, Deque<Path> queue) {
    String fileName = jar.getFileName().toString();
    int before = out.size();
    Manifest manifest = null;
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      manifest = file.getManifest();
      List<String> nested = new ArrayList<>();
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith(POM_PREFIX) && name.endsWith("/pom.properties")) {
          try (InputStream in = file.getInputStream(entry)) {
            Library library = fromPomProperties(in, fileName);
            if (library != null) {
              out.add(library);
            }
          }
        } else if ((name.startsWith("BOOT-INF/lib/") || name.startsWith("WEB-INF/lib/"))
            && name.endsWith(".jar")) {
          nested.add(name.substring(name.lastIndexOf('/') + 1));
        }
      }
      if (out.size() == before) {
        out.add(fromManifestOrName(manifest, fileName));
      }
      for (String nestedJar : nested) {
        out.add(fromFileName(nestedJar, fileName + "!/" + nestedJar));
      }
      followClassPath(jar, manifest, queue);
    } catch (IOException | RuntimeException unreadable) {
      if (out.size() == before) {
        out.add(fromFileName(fileName, fileName));
      }
    }
  }

  private static void followClassPath(Path jar, Manifest manifest, Deque<Path> queue) {
    if (manifest == null) {
      return;
    }
    String classPath = manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
    if (classPath == null || classPath.isBlank()) {
      return;
    }
    Path base = jar.getParent();
    for (String item : classPath.trim().split("\\s+")) {
      try {
        Path p;
        if (item.startsWith("file:")) {
          p = Path.of(java.net.URI.create(item));
        } else {
          p = base == null ? Path.of(item) : base.resolve(item);
        }
        queue.add(p.toAbsolutePath().normalize());
      } catch (RuntimeException notAPath) { // malformed entry: skip it
      }
    }
  }

  private static void scanDirectory(Path dir, List<Library> out) {
    int before = out.size();
    Path maven = dir.resolve("META-INF").resolve("maven");
    if (Files.isDirectory(maven)) {
      try (DirectoryStream<Path> groups = Files.newDirectoryStream(maven)) {
        for (Path group : groups) {
          if (!Files.isDirectory(group)) {
            continue;
          }
          try (DirectoryStream<Path> artifacts = Files.newDirectoryStream(group)) {
            for (Path artifact : artifacts) {
              Path pom = artifact.resolve("pom.properties");
              if (Files.isRegularFile(pom)) {
                try (InputStream in = Files.newInputStream(pom)) {
                  Library library = fromPomProperties(in, dir.toString());
                  if (library != null) {
                    out.add(library);
                  }
                }
              }
            }
          }
        }
      } catch (IOException | RuntimeException unreadable) { // keep what was found
      }
    }
    if (out.size() == before) {
      Path manifestFile = dir.resolve("META-INF").resolve("MANIFEST.MF");
      if (Files.isRegularFile(manifestFile)) {
        try (InputStream in = Files.newInputStream(manifestFile)) {
          Library library = fromManifestOrName(new Manifest(in), dir.toString());
          if (!"none".equals(library.source())) {
            out.add(library);
          }
        } catch (IOException | RuntimeException unreadable) { // no manifest to use
        }
      }
    }
  }

  static Library fromPomProperties(InputStream in, String location) throws IOException {
    Properties p = new Properties();
    p.load(in);
    String group = trimToNull(p.getProperty("groupId"));
    String artifact = trimToNull(p.getProperty("artifactId"));
    if (artifact == null) {
      return null;
    }
    String name = group == null ? artifact : group + ":" + artifact;
    return new Library(name, group, artifact, trimToNull(p.getProperty("version")),
        "pom.properties", location);
  }

  static Library fromManifestOrName(Manifest manifest, String location) {
    if (manifest != null) {
      Attributes a = manifest.getMainAttributes();
      String version = first(a, "Implementation-Version", "Bundle-Version", "Specification-Version");
      String title = first(a, "Implementation-Title", "Bundle-SymbolicName", "Automatic-Module-Name",
          "Specification-Title");
      if (version != null) {
        if (title != null) {
          int semicolon = title.indexOf(';'); // Bundle-SymbolicName: foo;singleton:=true
          title = semicolon > 0 ? title.substring(0, semicolon).trim() : title;
        }
        return new Library(title != null ? title : baseName(location), null, null, version,
            "manifest", location);
      }
    }
    return fromFileName(location, location);
  }

  static Library fromFileName(String fileName, String location) {
    String simple = baseName(fileName);
    Matcher m = FILE_VERSION.matcher(simple);
    if (m.matches()) {
      return new Library(m.group(1), null, null, m.group(2), "file-name", location);
    }
    String name = simple.endsWith(".jar") ? simple.substring(0, simple.length() - 4) : simple;
    return new Library(name.isEmpty() ? location : name, null, null, null, "none", location);
  }

  private static String baseName(String location) {
    int slash = Math.max(location.lastIndexOf('/'), location.lastIndexOf(File.separatorChar));
    return slash >= 0 ? location.substring(slash + 1) : location;
  }

  private static String first(Attributes a, String... names) {
    for (String name : names) {
      String v = trimToNull(a.getValue(name));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }
}
