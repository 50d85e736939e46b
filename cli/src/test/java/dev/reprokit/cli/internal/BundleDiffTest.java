package dev.reprokit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundleDiffTest {
  @Test
  void differentDefaultLocalesAreNamed() {
    BundleDiff diff = BundleDiff.of(Fixtures.syncBundle("tr-TR"), Fixtures.syncBundle("en-US"));

    assertThat(diff.same()).isFalse();
    assertThat(diff.settings).extracting(BundleDiff.Setting::key)
        .contains("locale.defaultLocale");
    assertThat(String.join("\n", diff.render("a", "b")))
        .contains("locale.defaultLocale: tr-TR  →  en-US").contains("Verdict: DIFFERENT");
  }

  @Test
  void aBundleIsTheSameAsItself() {
    BundleDiff diff = BundleDiff.of(Fixtures.syncBundle("tr-TR"), Fixtures.syncBundle("tr-TR"));

    assertThat(diff.same()).isTrue();
    assertThat(diff.render("a", "b")).contains("Verdict: SAME");
  }
}
