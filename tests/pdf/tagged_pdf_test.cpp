// Tagged PDF, PDF/UA-1 and PDF/A-2u from the writer: a hand-made document
// with a structure, checked by the self-check (tests/pdf/tagged_pdf_check.hpp),
// qpdf, Ghostscript in strict mode and pdfinfo.
#include <gtest/gtest.h>

#include "paiban/image.hpp"
#include "pdf/pdf_test_support.hpp"
#include "pdf/tagged_pdf_check.hpp"

namespace paiban {
namespace {

using pdf_test::check_tagged_pdf;
using pdf_test::have_tool;
using pdf_test::PdfFile;
using pdf_test::run;
using pdf_test::TaggedExpectations;
using pdf_test::TempFile;

// The sample document with a structure: Document > H1, P > Link; a Figure
// element without content (not written); page 2's title an H2; rules stay
// artifacts; the internal link is a TOCI's Link.
Document tagged_document() {
  Document d = pdf_test::sample_document();
  d.lang = "zh-Hans";
  d.structure = {{"Document", -1, {}, {}}, {"H1", 0, {}, {}}, {"P", 0, {}, {}},
                 {"Link", 2, {}, {}},      {"H2", 0, {}, {}}, {"Link", 2, {}, {}},
                 {"Note", 0, {}, {}}};
  Page& one = d.pages[0];
  size_t first_line = 0;
  while (first_line < one.glyphs.size() && one.glyphs[first_line].y == 100) ++first_line;
  for (size_t i = 0; i < one.glyphs.size(); ++i) one.glyphs[i].element = i < first_line ? 1 : 2;
  one.glyphs[first_line].element = 3;      // the link to page 2 covers one glyph
  one.glyphs[first_line + 1].element = 5;  // the URI link another
  one.links[0].element = 3;
  one.links[1].element = 5;
  for (PageGlyph& g : d.pages[1].glyphs) g.element = 4;
  d.pages[1].glyphs.back().element = 6;  // a note
  return d;
}

std::string write_to(const TempFile& file, const Document& d, const PdfOptions& options) {
  std::string bytes = write_pdf(d, FontCache::shared(), options);
  file.write(bytes);
  return bytes;
}

std::string failures(const pdf_test::TaggedReport& report) {
  std::string out;
  for (const std::string& f : report.failures) out += f + "\n";
  return out;
}

TEST(TaggedPdf, SampleDocumentPassesTheSelfCheck) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  TempFile file("tagged.pdf");
  write_to(file, tagged_document(), PdfOptions{});
  auto report = check_tagged_pdf(PdfFile::load(file.path), {.lang = "zh-Hans"});
  EXPECT_TRUE(report.failures.empty()) << failures(report);
  EXPECT_EQ(report.roles["Document"], 1);
  EXPECT_EQ(report.roles["Link"], 2);
  EXPECT_EQ(report.roles["Note"], 1);
  EXPECT_EQ(report.headings, (std::vector<std::string>{"H1", "H2"}));
  EXPECT_EQ(report.annotations, 2);
  // One MCID per run of one element: H1; Link, Link, P; H2; Note.
  EXPECT_EQ(report.marked_contents, 6);
}

TEST(TaggedPdf, PdfinfoQpdfAndGhostscriptAgree) {
  if (!have_tool("qpdf") || !have_tool("gs") || !have_tool("pdfinfo"))
    GTEST_SKIP() << "qpdf, gs or pdfinfo missing";
  for (bool print : {false, true})
    for (bool pdfa : {false, true}) {
      SCOPED_TRACE(std::string(print ? "print" : "screen") + (pdfa ? " pdfa" : ""));
      PdfOptions options;
      options.print = print;
      options.pdfa = pdfa;
      TempFile file("tools.pdf");
      write_to(file, tagged_document(), options);
      EXPECT_NE(run("pdfinfo '" + file.path + "'").find("Tagged:          yes"), std::string::npos);
      int status = -1;
      std::string out = run("qpdf --check '" + file.path + "' 2>&1", &status);
      EXPECT_EQ(status, 0) << out;
      out = run("gs -q -dNOPAUSE -dBATCH -dPDFSTOPONERROR -dPDFSTOPONWARNING -sDEVICE=nullpage '" +
                    file.path + "' 2>&1",
                &status);
      EXPECT_EQ(status, 0) << out;
      EXPECT_EQ(out, "");
      auto report = check_tagged_pdf(
          PdfFile::load(file.path),
          {.lang = "zh-Hans", .pdfua = true, .pdfa = pdfa, .print = print, .links = !print});
      EXPECT_TRUE(report.failures.empty()) << failures(report);
    }
}

TEST(TaggedPdf, ArtifactsAndTaggedContentAreMarkedApart) {
  // Furniture (kArtifact) is /Artifact BMC; a rule of an element is tagged.
  Document d = tagged_document();
  d.pages[0].glyphs.front().element = kArtifact;
  d.pages[0].rules.push_back({56, 150, 360, 150, 0.5, Cmyk{}, 2});
  PdfOptions options;
  options.compress = false;
  const std::string bytes = write_pdf(d, FontCache::shared(), options);
  EXPECT_NE(bytes.find("/Artifact BMC"), std::string::npos);
  EXPECT_NE(bytes.find("/P <</MCID 0>> BDC"), std::string::npos);  // the rule, first on page 1
  EXPECT_NE(bytes.find("/H1 <</MCID"), std::string::npos);
  EXPECT_NE(bytes.find("/StructParents 0"), std::string::npos);
  EXPECT_NE(bytes.find("/Tabs /S"), std::string::npos);
}

TEST(TaggedPdf, SelfCheckCatchesAnUntaggedFile) {
  // The check can fail: without tags, the clauses that need them are reported.
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  PdfOptions options;
  options.tagged = false;
  TempFile file("untagged.pdf");
  write_to(file, tagged_document(), options);
  auto report = check_tagged_pdf(PdfFile::load(file.path), {.lang = "zh-Hans", .pdfua = false});
  const std::string text = failures(report);
  EXPECT_NE(text.find("/MarkInfo /Marked is not true"), std::string::npos) << text;
  EXPECT_NE(text.find("no /StructTreeRoot"), std::string::npos) << text;
}

TEST(TaggedPdf, SelfCheckCatchesContentOutsideMarkedContent) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  // A file whose page paints text outside any BDC: rewrite the writer's
  // output by dropping the marks of page 2.
  PdfOptions options;
  options.compress = false;
  std::string bytes = write_pdf(tagged_document(), FontCache::shared(), options);
  const size_t mark = bytes.find("/H2 <</MCID 0>> BDC\n");
  ASSERT_NE(mark, std::string::npos);
  bytes.replace(mark, 20, std::string(20, ' '));  // same length: the xref stays right
  const size_t close = bytes.find("EMC\n", mark);
  bytes.replace(close, 4, "    ");
  TempFile file("unmarked.pdf");
  file.write(bytes);
  auto report = check_tagged_pdf(PdfFile::load(file.path), {.lang = "zh-Hans"});
  const std::string text = failures(report);
  EXPECT_NE(text.find("Matterhorn 01-005 (page 2)"), std::string::npos) << text;
  EXPECT_NE(text.find("no content stream has"), std::string::npos) << text;
}

TEST(TaggedPdf, FigureWithoutAltIsNotClaimedAsPdfUa) {
  Document d = tagged_document();
  d.structure.push_back({"Figure", 0, "", ""});
  EXPECT_FALSE(meets_pdfua(d, PdfOptions{}));
  d.structure.back().alt = "社区活动的照片";
  EXPECT_TRUE(meets_pdfua(d, PdfOptions{}));
  PdfOptions untagged;
  untagged.tagged = false;
  EXPECT_FALSE(meets_pdfua(d, untagged));
}

TEST(TaggedPdf, FigureCarriesItsAlternateDescription) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  Document d = tagged_document();
  d.structure.push_back({"Figure", 0, "社区活动的照片", ""});
  if (!have_tool("gs")) GTEST_SKIP() << "ghostscript missing";
  TempFile png("figure.png");
  run("gs -q -o '" + png.path +
      "' -sDEVICE=pnggray -g20x20 -c '0.5 setgray clippath fill showpage' 2>&1");
  PageImage image{read_image_facts(png.path), 56, 200, 100, 100};
  image.element = static_cast<int>(d.structure.size() - 1);
  d.pages[0].images.push_back(image);
  TempFile file("figure.pdf");
  write_to(file, d, PdfOptions{});
  auto report = check_tagged_pdf(PdfFile::load(file.path), {.lang = "zh-Hans"});
  EXPECT_TRUE(report.failures.empty()) << failures(report);
  EXPECT_EQ(report.roles["Figure"], 1);
}

TEST(TaggedPdf, PdfaIsDeterministicAndNamesItsIntent) {
  PdfOptions options;
  options.pdfa = true;
  options.compress = false;
  const Document d = tagged_document();
  const std::string a = write_pdf(d, FontCache::shared(), options);
  EXPECT_EQ(a, write_pdf(d, FontCache::shared(), options));
  EXPECT_NE(a.find("/S /GTS_PDFA1"), std::string::npos);
  EXPECT_NE(a.find("<pdfaid:part>2</pdfaid:part>"), std::string::npos);
  EXPECT_NE(a.find("<pdfuaid:part>1</pdfuaid:part>"), std::string::npos);
  EXPECT_NE(a.find("/DefaultCMYK"), std::string::npos);
  // The metadata stream is not compressed even when everything else is.
  options.compress = true;
  EXPECT_NE(write_pdf(d, FontCache::shared(), options).find("<pdfaid:conformance>U<"),
            std::string::npos);
}

}  // namespace
}  // namespace paiban
