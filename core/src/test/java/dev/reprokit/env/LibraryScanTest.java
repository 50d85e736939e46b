package dev.reprokit.env;

import static dev.reprokit.env.Fixtures.entries;
import static dev.reprokit.env.Fixtures.jar;
import static dev.reprokit.env.Fixtures.manifest;
import static dev.reprokit.env.Fixtures.mavenJar;
import static dev.reprokit.env.Fixtures.pomProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.reprokit.internal.env.ClassPathScanner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryScanTest {

  @TempDir Path dir;

  @Test
  void realClassPathScanFindsJacksonDatabindWithItsVersion() {
    List<Library> libraries = ClassPathScanner.scan(System.getProperty("java.class.path"));

    assertThat(libraries)
        .filteredOn(l -> "com.fasterxml.jackson.core:jackson-databind".equals(l.name()))
        .singleElement()
        .satisfies(l -> {
          assertThat(l.version()).isEqualTo(PackageVersion.VERSION.toString());
          assertThat(l.groupId()).isEqualTo("com.fasterxml.jackson.core");
          assertThat(l.artifactId()).isEqualTo("jackson-databind");
          assertThat(l.source()).isEqualTo("pom.properties");
          assertThat(l.location()).isEqualTo("jackson-databind-" + PackageVersion.VERSION + ".jar");
        });
  }

  @Test
  void shadedJarListsEveryEmbeddedPomProperties() throws Exception {
    Path shaded = jar(dir.resolve("app-all.jar"), manifest(), entries(
        "META-INF/maven/com.acme/app/pom.properties", pomProperties("com.acme", "app", "1.4.0"),
        "META-INF/maven/org.example/util/pom.properties", pomProperties("org.example", "util", "0.9")));

    assertThat(ClassPathScanner.scan(shaded.toString()))
        .extracting(Library::name, Library::version, Library::source, Library::location)
        .containsExactly(
            tuple("com.acme:app", "1.4.0", "pom.properties", "app-all.jar"),
            tuple("org.example:util", "0.9", "pom.properties", "app-all.jar"));
  }

  @Test
  void jarWithoutPomPropertiesUsesImplementationVersionFromItsManifest() throws Exception {
    Path jar = jar(dir.resolve("legacy.jar"), manifest(
        "Implementation-Title", "Legacy Client", "Implementation-Version", "7.2.1"), Map.of());

    assertThat(ClassPathScanner.scan(jar.toString()))
        .extracting(Library::name, Library::version, Library::source)
        .containsExactly(tuple("Legacy Client", "7.2.1", "manifest"));
  }

  @Test
  void osgiBundleVersionIsUsedWhenThereIsNoImplementationVersion() throws Exception {
    Path jar = jar(dir.resolve("bundle.jar"), manifest(
        "Bundle-SymbolicName", "org.acme.bundle;singleton:=true", "Bundle-Version", "2.0.3"),
        Map.of());

    assertThat(ClassPathScanner.scan(jar.toString()))
        .extracting(Library::name, Library::version, Library::source)
        .containsExactly(tuple("org.acme.bundle", "2.0.3", "manifest"));
  }

  @Test
  void jarWithNothingButItsFileNameIsListedWithTheVersionFromTheName() throws Exception {
    Path jar = jar(dir.resolve("mystery-lib-3.1.4-RC2.jar"), null, entries("a.txt", "a"));
    Path nameless = jar(dir.resolve("tools.jar"), null, entries("b.txt", "b"));

    assertThat(ClassPathScanner.scan(jar + File.pathSeparator + nameless))
        .extracting(Library::name, Library::version, Library::source)
        .containsExactly(
            tuple("mystery-lib", "3.1.4-RC2", "file-name"),
            tuple("tools", null, "none"));
  }

  @Test
  void directoryEntryIsScannedForPomPropertiesAndManifest() throws Exception {
    Path classes = dir.resolve("classes");
    Path pom = classes.resolve("META-INF/maven/com.acme/orders/pom.properties");
    Files.createDirectories(pom.getParent());
    Files.writeString(pom, pomProperties("com.acme", "orders", "5.0.0-SNAPSHOT"));
    Path other = dir.resolve("other-classes");
    Files.createDirectories(other.resolve("META-INF"));
    try (var out = Files.newOutputStream(other.resolve("META-INF/MANIFEST.MF"))) {
      manifest("Implementation-Title", "reports", "Implementation-Version", "1.1").write(out);
    }
    Path plain = Files.createDirectories(dir.resolve("plain-classes"));

    assertThat(ClassPathScanner.scan(
            classes + File.pathSeparator + other + File.pathSeparator + plain))
        .extracting(Library::name, Library::version, Library::source)
        .containsExactly(
            tuple("com.acme:orders", "5.0.0-SNAPSHOT", "pom.properties"),
            tuple("reports", "1.1", "manifest"));
  }

  @Test
  void manifestClassPathOfALauncherJarIsFollowedOnce() throws Exception {
    Path lib = dir.resolve("lib");
    mavenJar(lib, "org.example", "alpha", "1.0");
    mavenJar(lib, "org.example", "beta", "2.5");
    Path launcher = jar(dir.resolve("launcher.jar"), manifest("Class-Path",
        "lib/alpha-1.0.jar lib/beta-2.5.jar lib/alpha-1.0.jar lib/missing-9.jar"), Map.of());

    assertThat(ClassPathScanner.scan(launcher.toString()))
        .extracting(Library::name, Library::version)
        .containsExactly(
            tuple("launcher", null),
            tuple("org.example:alpha", "1.0"),
            tuple("org.example:beta", "2.5"));
  }

  @Test
  void fatJarListsItsNestedJarsByFileName() throws Exception {
    Path fat = jar(dir.resolve("shop.jar"), manifest(
        "Implementation-Title", "shop", "Implementation-Version", "4.0"), entries(
        "BOOT-INF/lib/guava-33.2.1-jre.jar", "not really a jar",
        "BOOT-INF/lib/postgresql-42.7.14.jar", "not really a jar"));

    assertThat(ClassPathScanner.scan(fat.toString()))
        .extracting(Library::name, Library::version, Library::location)
        .containsExactly(
            tuple("guava", "33.2.1-jre", "shop.jar!/guava-33.2.1-jre.jar"),
            tuple("postgresql", "42.7.14", "shop.jar!/postgresql-42.7.14.jar"),
            tuple("shop", "4.0", "shop.jar"));
  }

  @Test
  void corruptJarIsListedByNameAndTheScanGoesOn() throws Exception {
    Path corrupt = dir.resolve("broken-1.2.jar");
    Files.writeString(corrupt, "this is not a zip file");
    Path good = mavenJar(dir, "org.example", "good", "3.0");

    assertThat(ClassPathScanner.scan(corrupt + File.pathSeparator + good
            + File.pathSeparator + dir.resolve("does-not-exist.jar")))
        .extracting(Library::name, Library::version)
        .containsExactly(tuple("broken", "1.2"), tuple("org.example:good", "3.0"));
  }
}
