#include <gtest/gtest.h>

#include <regex>

#include "pdf_test_support.hpp"

namespace paiban {
namespace {

using namespace pdf_test;

std::string inflate_all_with_qpdf(const std::string& pdf_path) {
  // qpdf --qdf uncompresses streams so the test can read the content and fonts.
  TempFile qdf("qdf.pdf");
  run("qpdf --qdf --object-streams=disable '" + pdf_path + "' '" + qdf.path + "' 2>&1");
  std::ifstream in(qdf.path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(PdfWriter, StartsWithHeaderAndIsDeterministic) {
  Document d = sample_document();
  std::string a = write_pdf(d, FontCache::shared(), {});
  std::string b = write_pdf(d, FontCache::shared(), {});
  ASSERT_EQ(a.rfind("%PDF-1.", 0), 0u);
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find("/ID ["), std::string::npos);
}

// The faces are subset on background threads: how many must never show.
TEST(PdfWriter, WriterThreadsNeverChangeTheBytes) {
  Document d = sample_document();
  PdfOptions one;
  one.threads = 1;
  const std::string alone = write_pdf(d, FontCache::shared(), one);
  for (unsigned threads : {2u, 3u, 8u}) {
    PdfOptions many;
    many.threads = threads;
    EXPECT_EQ(write_pdf(d, FontCache::shared(), many), alone) << threads << " threads";
  }
}

TEST(PdfWriter, DifferentContentGivesDifferentId) {
  Document d = sample_document();
  std::string a = write_pdf(d, FontCache::shared(), {});
  d.pages[1].glyphs.pop_back();
  std::string b = write_pdf(d, FontCache::shared(), {});
  auto id = [](const std::string& s) { return s.substr(s.find("/ID [")); };
  EXPECT_NE(id(a), id(b));
}

TEST(PdfWriter, QpdfCheckIsClean) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  TempFile file("qpdf.pdf");
  file.write(write_pdf(sample_document(), FontCache::shared(), {}));
  int status = -1;
  std::string out = run("qpdf --check '" + file.path + "' 2>&1", &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out.find("WARNING"), std::string::npos) << out;
}

TEST(PdfWriter, TextExtractsBack) {
  if (!have_tool("pdftotext")) GTEST_SKIP() << "poppler-utils not installed";
  TempFile file("text.pdf");
  file.write(write_pdf(sample_document(), FontCache::shared(), {}));
  int status = -1;
  std::string text = run("pdftotext -enc UTF-8 '" + file.path + "' - 2>&1", &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(text.find("排版测试：社区通讯。"), std::string::npos) << text;
  EXPECT_NE(text.find("第二行，Hello PDF 2024。"), std::string::npos) << text;
  EXPECT_NE(text.find("第二页的标题"), std::string::npos) << text;
}

TEST(PdfWriter, FontsAreSubsetAndEmbedded) {
  if (!have_tool("pdffonts")) GTEST_SKIP() << "poppler-utils not installed";
  TempFile file("fonts.pdf");
  file.write(write_pdf(sample_document(), FontCache::shared(), {}));
  std::string out = run("pdffonts '" + file.path + "' 2>&1");
  // name type encoding emb sub uni
  std::regex row(R"(([A-Z]{6})\+NotoSerifCJK\S*\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes)");
  EXPECT_TRUE(std::regex_search(out, row)) << out;
}

TEST(PdfWriter, HasLinksAndOutline) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  TempFile file("nav.pdf");
  file.write(write_pdf(sample_document(), FontCache::shared(), {}));
  std::string qdf = inflate_all_with_qpdf(file.path);
  EXPECT_NE(qdf.find("/Subtype /Link"), std::string::npos);
  EXPECT_NE(qdf.find("/URI (https://example.org/)"), std::string::npos);
  EXPECT_NE(qdf.find("/XYZ"), std::string::npos);
  EXPECT_NE(qdf.find("/Outlines"), std::string::npos);
  // The second title has U+20000: a surrogate pair D840 DC00 in UTF-16BE.
  EXPECT_NE(qdf.find("d840dc00"), std::string::npos);
  EXPECT_TRUE(std::regex_search(qdf, std::regex(R"(/Border \[\s*0\s+0\s+0\s*\])")))
      << "links must have no border";
}

TEST(PdfWriter, GlyphsLandAtTheirPositions) {
  if (!have_tool("pdftotext")) GTEST_SKIP() << "poppler-utils not installed";
  Document d = sample_document();
  // Spread the glyphs of the first line unevenly, as justification would.
  double x = 56;
  for (size_t i = 0; i < 10; ++i) {
    d.pages[0].glyphs[i].x = x;
    x += 14 + (i % 3) * 0.731;
  }
  TempFile file("pos.pdf");
  file.write(write_pdf(d, FontCache::shared(), {}));
  std::string html = run("pdftotext -bbox -enc UTF-8 -f 1 -l 1 '" + file.path + "' - 2>&1");
  // pdftotext -bbox gives word boxes; the first word starts at the first glyph.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(html, m, std::regex(R"re(xMin="([0-9.]+)")re"))) << html;
  EXPECT_NEAR(std::stod(m[1]), 56.0, 0.01);
}

TEST(PdfWriter, ScreenModeHasNoPrintBoxes) {
  std::string pdf = write_pdf(sample_document(), FontCache::shared(), {.compress = false});
  EXPECT_EQ(pdf.find("/TrimBox"), std::string::npos);
  EXPECT_EQ(pdf.find("/OutputIntents"), std::string::npos);
}

TEST(PdfWriter, SourceDateEpochSetsTheDates) {
  PdfOptions options;
  options.compress = false;
  options.source_date_epoch = 1700000000;  // 2023-11-14T22:13:20Z
  std::string pdf = write_pdf(sample_document(), FontCache::shared(), options);
  EXPECT_NE(pdf.find("(D:20231114221320Z)"), std::string::npos);
  options.source_date_epoch.reset();
  pdf = write_pdf(sample_document(), FontCache::shared(), options);
  EXPECT_NE(pdf.find("(D:20240501000000Z)"), std::string::npos) << "the issue's date";
}

TEST(PdfWriter, BadLinkTargetThrows) {
  Document d = sample_document();
  d.pages[0].links.push_back({0, 0, 10, 10, 7, 0, ""});
  EXPECT_THROW(write_pdf(d, FontCache::shared(), {}), std::runtime_error);
}

}  // namespace
}  // namespace paiban

namespace paiban {
namespace {

// Not a check: with PAIBAN_PDF_SAMPLE_DIR set, writes the sample document in
// each mode there, for looking at and for pdf-audit.
TEST(PdfSamples, WriteWhenAsked) {
  const char* dir = std::getenv("PAIBAN_PDF_SAMPLE_DIR");
  if (!dir) GTEST_SKIP() << "set PAIBAN_PDF_SAMPLE_DIR to write samples";
  Document d = pdf_test::sample_document();
  PdfOptions screen;
  write_file_atomically(std::string(dir) + "/screen.pdf",
                        write_pdf(d, FontCache::shared(), screen));
  PdfOptions x4;
  x4.print = true;
  write_file_atomically(std::string(dir) + "/x4.pdf", write_pdf(d, FontCache::shared(), x4));
  PdfOptions x1a = x4;
  x1a.standard = PdfStandard::x1a;
  write_file_atomically(std::string(dir) + "/x1a.pdf", write_pdf(d, FontCache::shared(), x1a));
}

}  // namespace
}  // namespace paiban

namespace paiban {
namespace {

using namespace pdf_test;

TEST(PdfWriter, BlankPageIsValidForStrictReaders) {
  if (!have_tool("gs")) GTEST_SKIP() << "ghostscript not installed";
  Document d = sample_document();
  Page blank;
  blank.blank = true;
  d.pages.push_back(blank);
  for (bool print : {false, true}) {
    TempFile file("blank.pdf");
    PdfOptions options;
    options.print = print;
    file.write(write_pdf(d, FontCache::shared(), options));
    int status = -1;
    std::string out =
        run("gs -q -dNOPAUSE -dBATCH -dPDFSTOPONERROR -dPDFSTOPONWARNING -sDEVICE=nullpage '" +
                file.path + "' 2>&1",
            &status);
    EXPECT_EQ(status, 0) << out;
    EXPECT_EQ(out, "");
  }
}

TEST(PdfWriter, PageLabelsWhenTheyDifferFromPhysicalNumbers) {
  Document d = sample_document();
  d.pages[0].label = "封面";
  d.pages[1].label = "";
  std::string pdf = write_pdf(d, FontCache::shared(), {.compress = false});
  EXPECT_NE(pdf.find("/PageLabels"), std::string::npos);
  if (have_tool("qpdf")) {
    TempFile file("labels.pdf");
    file.write(pdf);
    std::string json = run("qpdf --json --json-key=pagelabels '" + file.path + "' 2>&1");
    EXPECT_NE(json.find("\"/P\": \"u:封面\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"/St\": 2"), std::string::npos) << json;
  }
  // Labels equal to the physical numbers need no /PageLabels.
  d.pages[0].label = "1";
  d.pages[1].label = "2";
  pdf = write_pdf(d, FontCache::shared(), {.compress = false});
  EXPECT_EQ(pdf.find("/PageLabels"), std::string::npos);
}

TEST(PdfWriter, TrueTypeFaceIsEmbeddedAndExtracts) {
  if (!have_tool("pdffonts") || !have_tool("pdftotext")) GTEST_SKIP() << "poppler-utils missing";
  auto face = FontCache::shared().find("DejaVu Sans", 400, "en");
  if (!face) GTEST_SKIP() << "DejaVu Sans not installed";
  Document d = sample_document();
  set_line(d.pages[1], *face, U"Grüße, naïve café ≠ 42", 56, 200, 12);
  TempFile file("ttf.pdf");
  file.write(write_pdf(d, FontCache::shared(), {}));
  std::string fonts = run("pdffonts '" + file.path + "' 2>&1");
  EXPECT_TRUE(std::regex_search(
      fonts, std::regex(R"([A-Z]{6}\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes)")))
      << fonts;
  std::string text = run("pdftotext -enc UTF-8 -f 2 -l 2 '" + file.path + "' - 2>&1");
  EXPECT_NE(text.find("Grüße, naïve café ≠ 42"), std::string::npos) << text;
}

}  // namespace
}  // namespace paiban

namespace paiban {
namespace {

// The writer's image errors are the input's: at the <figure>, naming the file.
TEST(PdfWriter, AnImageErrorPointsAtItsFigure) {
  Document d = pdf_test::sample_document();
  ImageFacts facts;
  facts.path = "/nonexistent/figure.png";
  facts.width = facts.height = 10;
  d.pages[0].images.push_back({facts, 0, 0, 10, 10, {"issue.xml", 12, 5}, ""});
  try {
    write_pdf(d, FontCache::shared(), {});
    FAIL() << "expected an exception";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 12);
    EXPECT_EQ(e.where().column, 5);
    EXPECT_EQ(e.message(), "image /nonexistent/figure.png cannot be used: cannot open it");
  }
}

TEST(PdfWriter, CatalogHasLanguageAndShowsBookmarks) {
  Document d = pdf_test::sample_document();
  d.lang = "zh-Hans";
  std::string pdf = write_pdf(d, FontCache::shared(), {.compress = false});
  EXPECT_NE(pdf.find("/Lang (zh-Hans)"), std::string::npos);
  EXPECT_NE(pdf.find("/PageMode /UseOutlines"), std::string::npos);
}

}  // namespace
}  // namespace paiban
