package dev.reprokit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderedReportTest {
  private final ReportModel model = ReportModel.of(Fixtures.syncBundle("tr-TR"));

  @Test
  void markdownStartsWithTheFiveAnswers() {
    String md = MarkdownReport.render(model);
    int answers = md.indexOf("## The five answers");
    assertThat(answers).isPositive().isLessThan(md.indexOf("## Environment"));
    assertThat(md).contains("| **Which integration** |", "| **Which environment** |",
        "| **Which version** |", "| **After which change** |", "| **Which error** |");
  }

  @Test
  void markdownHighlightsTheFailingCallInTheTimeline() {
    assertThat(MarkdownReport.render(model))
        .containsPattern("\\| 4 \\| [0-9.]+ ms \\| [0-9.]+ ms \\| ❌ sql \\| \\*\\*INSERT");
  }

  @Test
  void htmlIsSelfContainedWithAnSvgWaterfall() {
    String html = HtmlReport.render(model);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg class=\"waterfall\"")
        .contains("class=\"bar failed\"").contains("Which error");
    assertThat(html).doesNotContain("<script", "<link", "src=", "@import", "url(");
  }

  @Test
  void htmlEscapesRecordedText() {
    assertThat(HtmlReport.render(model)).contains("curl -sS &quot;http://127.0.0.1:8123/v1/customers?page=1&amp;size=5&quot;")
        .doesNotContain("curl -sS \"http");
  }
}
