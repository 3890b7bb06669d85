#include <gtest/gtest.h>

#include <regex>

#include "paiban/image.hpp"
#include "pdf/pdfx.hpp"
#include "pdf_test_support.hpp"

namespace paiban {
namespace {

using namespace pdf_test;

PdfOptions print_options(PdfStandard standard = PdfStandard::x4) {
  PdfOptions options;
  options.print = true;
  options.standard = standard;
  return options;
}

std::string qdf_of(const std::string& pdf) {
  TempFile in("in.pdf"), out("qdf.pdf");
  in.write(pdf);
  run("qpdf --qdf --object-streams=disable '" + in.path + "' '" + out.path + "' 2>&1");
  std::ifstream file(out.path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), {});
}

// The four numbers of a box array in qdf output, e.g. "/TrimBox [ 1 2 3 4 ]".
std::vector<double> box(const std::string& qdf, const std::string& key) {
  std::smatch m;
  std::regex re("/" + key + R"(\s*\[\s*([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s*\])");
  if (!std::regex_search(qdf, m, re)) return {};
  return {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
}

TEST(PdfPrint, BoxesTrimBleedAndMedia) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  Document d = sample_document();
  std::string qdf = qdf_of(write_pdf(d, FontCache::shared(), print_options()));
  auto trim = box(qdf, "TrimBox"), bleed = box(qdf, "BleedBox"), media = box(qdf, "MediaBox");
  ASSERT_EQ(trim.size(), 4u);
  ASSERT_EQ(bleed.size(), 4u);
  ASSERT_EQ(media.size(), 4u);
  const double b = d.geometry.bleed;  // 3 mm
  EXPECT_NEAR(trim[2] - trim[0], d.geometry.width, 0.001);
  EXPECT_NEAR(trim[3] - trim[1], d.geometry.height, 0.001);
  EXPECT_NEAR(trim[0] - bleed[0], b, 0.001);
  EXPECT_NEAR(bleed[3] - trim[3], b, 0.001);
  // Room for crop marks beyond the bleed on every side.
  EXPECT_GT(bleed[0] - media[0], 10);
  EXPECT_GT(media[2] - bleed[2], 10);
  EXPECT_GT(bleed[1] - media[1], 10);
  EXPECT_GT(media[3] - bleed[3], 10);
}

TEST(PdfPrint, X4HasIntentVersionAndXmp) {
  std::string pdf = write_pdf(sample_document(), FontCache::shared(), print_options());
  EXPECT_EQ(pdf.rfind("%PDF-1.6", 0), 0u);
  EXPECT_NE(pdf.find("/S /GTS_PDFX"), std::string::npos);
  EXPECT_NE(pdf.find("/DestOutputProfile"), std::string::npos);
  // libharu writes "/" in a literal string as the octal escape \057.
  EXPECT_NE(pdf.find("/GTS_PDFXVersion (PDF\\057X-4)"), std::string::npos);
  EXPECT_NE(pdf.find("/Trapped /False"), std::string::npos);
  // XMP stays uncompressed: readable in the bytes.
  EXPECT_NE(pdf.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"),
            std::string::npos);
  EXPECT_NE(pdf.find("<rdf:li xml:lang=\"x-default\">社区通讯 第1期</rdf:li>"), std::string::npos);
  EXPECT_TRUE(std::regex_search(pdf, std::regex("<xmpMM:DocumentID>uuid:[0-9a-f-]{36}<")));
  EXPECT_NE(pdf.find("<xmp:CreateDate>2024-05-01T00:00:00Z</xmp:CreateDate>"), std::string::npos);
}

// libharu's loader stored the output profile as it is (121 KB of the
// default 431 KB print seed); paiban compresses it (95 KB), bytes intact.
TEST(PdfPrint, TheOutputProfileIsCompressedAndWhole) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  const std::string pdf = write_pdf(sample_document(), FontCache::shared(), print_options());
  std::smatch m;
  ASSERT_TRUE(std::regex_search(pdf, m, std::regex(R"(<<[^<>]*/Alternate\s*/DeviceCMYK[^<>]*>>)")));
  EXPECT_NE(m.str().find("/FlateDecode"), std::string::npos) << m.str();

  std::ifstream file(pdf::find_cmyk_profile(""), std::ios::binary);
  const std::string profile{std::istreambuf_iterator<char>(file), {}};
  ASSERT_GT(profile.size(), 128u);
  EXPECT_NE(qdf_of(pdf).find(profile), std::string::npos) << "the profile's bytes changed";
  EXPECT_EQ(pdf.find(profile.substr(128, 256)), std::string::npos) << "stored uncompressed";
}

TEST(PdfPrint, X1aIsPdf14) {
  std::string pdf =
      write_pdf(sample_document(), FontCache::shared(), print_options(PdfStandard::x1a));
  EXPECT_EQ(pdf.rfind("%PDF-1.4", 0), 0u);
  EXPECT_NE(pdf.find("/GTS_PDFXVersion (PDF\\057X-1a:2003)"), std::string::npos);
}

TEST(PdfPrint, NoLinksButBookmarks) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  std::string qdf = qdf_of(write_pdf(sample_document(), FontCache::shared(), print_options()));
  EXPECT_EQ(qdf.find("/Annots"), std::string::npos);
  EXPECT_NE(qdf.find("/Outlines"), std::string::npos);
}

TEST(PdfPrint, DeterministicAndEpochChangesOnlyDatesAndIds) {
  PdfOptions a = print_options(), b = print_options();
  a.source_date_epoch = 1700000000;
  b.source_date_epoch = 1800000000;
  std::string pa = write_pdf(sample_document(), FontCache::shared(), a);
  EXPECT_EQ(pa, write_pdf(sample_document(), FontCache::shared(), a));
  std::string pb = write_pdf(sample_document(), FontCache::shared(), b);
  EXPECT_NE(pa, pb);
  auto mask = [](std::string s) {
    s = std::regex_replace(s, std::regex(R"(D:\d{14}Z)"), "D:date");
    s = std::regex_replace(s, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"), "date");
    s = std::regex_replace(s, std::regex("uuid:[0-9a-f-]{36}"), "uuid");
    s = std::regex_replace(s, std::regex("/ID \\[ <[0-9A-F]+> <[0-9A-F]+> \\]"), "/ID");
    return s;
  };
  EXPECT_EQ(mask(pa), mask(pb));
}

TEST(PdfPrint, CheckersAreSilentAndBlackIsBlackOnly) {
  if (!have_tool("qpdf") || !have_tool("gs")) GTEST_SKIP() << "qpdf or ghostscript missing";
  for (PdfStandard standard : {PdfStandard::x4, PdfStandard::x1a}) {
    TempFile file("check.pdf");
    Document d = sample_document();
    d.pages[0].glyphs[10].color = Cmyk{};  // all text 0 0 0 1 k on both pages
    for (auto& g : d.pages[0].glyphs) g.color = Cmyk{};
    file.write(write_pdf(d, FontCache::shared(), print_options(standard)));
    int status = -1;
    std::string out = run("qpdf --check '" + file.path + "' 2>&1", &status);
    EXPECT_EQ(status, 0) << out;
    out = run("gs -q -dNOPAUSE -dBATCH -dPDFSTOPONERROR -dPDFSTOPONWARNING -sDEVICE=nullpage '" +
                  file.path + "' 2>&1",
              &status);
    EXPECT_EQ(status, 0) << out;
    EXPECT_EQ(out, "");
    out = run("gs -q -o - -sDEVICE=inkcov '" + file.path + "' 2>&1", &status);
    // One line per page: C M Y K coverage.
    std::regex line(R"(([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+CMYK OK)");
    int pages = 0;
    for (std::sregex_iterator it(out.begin(), out.end(), line), end; it != end; ++it, ++pages) {
      EXPECT_EQ(std::stod((*it)[1]), 0) << out;
      EXPECT_EQ(std::stod((*it)[2]), 0) << out;
      EXPECT_EQ(std::stod((*it)[3]), 0) << out;
      EXPECT_GT(std::stod((*it)[4]), 0) << out;
    }
    EXPECT_EQ(pages, 2) << out;
  }
}

TEST(PdfPrint, AuditPrintPasses) {
  const std::string audit = "/work/shared/tools/pdf-audit";
  if (!have_tool(audit)) GTEST_SKIP() << "pdf-audit not available";
  TempFile file("audit.pdf");
  file.write(write_pdf(sample_document(), FontCache::shared(), print_options()));
  int status = -1;
  std::string out = run(audit + " --print '" + file.path + "' 2>&1", &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("boxes_ok: 2/2"), std::string::npos) << out;
  EXPECT_NE(out.find("output_intent: GTS_PDFX"), std::string::npos) << out;
  EXPECT_NE(out.find("rgb_used: no"), std::string::npos) << out;
}

TEST(PdfPrint, MissingProfileIsAClearError) {
  PdfOptions options = print_options();
  options.icc_profile = "/nonexistent/profile.icc";
  try {
    write_pdf(sample_document(), FontCache::shared(), options);
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/profile.icc"), std::string::npos);
  }
}

PageImage figure(const std::string& path) {
  return {read_image_facts(path), 56, 200, 100, 100, {path, 1, 1}, ""};
}

// Counts a PDF's image XObjects (their dictionaries are never compressed).
size_t image_count(const std::string& pdf) {
  size_t n = 0;
  for (size_t at = pdf.find("/Subtype /Image"); at != std::string::npos;
       at = pdf.find("/Subtype /Image", at + 1))
    ++n;
  return n;
}

// An RGB figure: as it is on screen, through ICC in PDF/X-4 (sRGB when the
// file has no profile), converted to the output intent's CMYK in PDF/X-1a.
TEST(PdfPrint, RgbImageIsIccBasedInX4AndConvertedInX1a) {
  if (!have_tool("gs")) GTEST_SKIP() << "ghostscript checks the files";
  // Red left, blue right; no profile of its own.
  const std::string path = std::string(PAIBAN_SOURCE_DIR) + "/tests/image/data/late-frame.jpg";
  Document d = sample_document();
  d.pages[0].images.push_back(figure(path));
  std::string screen = write_pdf(d, FontCache::shared(), {.compress = false});
  EXPECT_EQ(image_count(screen), 1u);
  EXPECT_NE(screen.find("/ColorSpace /DeviceRGB"), std::string::npos);
  EXPECT_NE(screen.find(" cm /"), std::string::npos);

  std::string x4 = write_pdf(d, FontCache::shared(), print_options());
  EXPECT_NE(x4.find("/ColorSpace [ /ICCBased"), std::string::npos);
  EXPECT_EQ(x4.find("/DeviceRGB"), std::string::npos);
  std::string summary = preflight_summary(d, FontCache::shared(), print_options(), false);
  EXPECT_NE(summary.find("ICCBased RGB (sRGB)"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("error"), std::string::npos) << summary;

  std::string x1a = write_pdf(d, FontCache::shared(), print_options(PdfStandard::x1a));
  EXPECT_EQ(x1a.find("ICCBased"), std::string::npos);
  EXPECT_EQ(x1a.find("/DeviceRGB"), std::string::npos);
  EXPECT_NE(x1a.find("/ColorSpace /DeviceCMYK"), std::string::npos);
  // Red and blue through FOGRA39: magenta, yellow and cyan ink.
  TempFile file("x1a.pdf");
  file.write(x1a);
  std::string ink = run("gs -q -o - -sDEVICE=inkcov '" + file.path + "'");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      ink, m, std::regex(R"(([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+CMYK)")))
      << ink;
  EXPECT_GT(std::stod(m[1]), 0.01) << ink;
  EXPECT_GT(std::stod(m[2]), 0.01) << ink;
  EXPECT_GT(std::stod(m[3]), 0.01) << ink;
  for (const std::string* pdf : {&x4, &x1a}) {
    TempFile checked("checked.pdf");
    checked.write(*pdf);
    int status = -1;
    std::string out = run("gs -q -dNOPAUSE -dBATCH -dPDFSTOPONERROR -dPDFSTOPONWARNING "
                          "-sDEVICE=nullpage '" + checked.path + "' 2>&1", &status);
    EXPECT_EQ(status, 0) << out;
    EXPECT_EQ(out, "") << out;
  }
}

// A figure placed on several pages is one XObject, written and decoded once.
TEST(PdfPrint, AFigureUsedSeveralTimesIsEmbeddedOnce) {
  const std::string path = std::string(PAIBAN_SOURCE_DIR) + "/tests/image/data/alpha.png";
  Document d = sample_document();
  for (Page& page : d.pages)
    for (int i = 0; i < 3; ++i) page.images.push_back(figure(path));
  std::string pdf = write_pdf(d, FontCache::shared(), {.compress = false});
  EXPECT_EQ(image_count(pdf), 2u);  // the image and its /SMask
  EXPECT_EQ(image_count(write_pdf(d, FontCache::shared(), print_options())), 2u);
}

TEST(PdfPrint, CmykJpegIsAccepted) {
  if (!have_tool("gs")) GTEST_SKIP() << "ghostscript makes the test image";
  TempFile jpeg("cmyk.jpg");
  run("gs -q -o '" + jpeg.path +
      "' -sDEVICE=jpegcmyk -g20x20 -c '0 1 0 0 setcmykcolor clippath fill showpage' 2>&1");
  Document d = sample_document();
  d.pages[0].images.push_back(figure(jpeg.path));
  std::string pdf = write_pdf(d, FontCache::shared(), print_options());
  EXPECT_EQ(pdf.rfind("%PDF-1.6", 0), 0u);
  // Pure magenta stays magenta (Adobe CMYK JPEGs are stored inverted).
  TempFile file("cmyk.pdf");
  file.write(pdf);
  std::string ink =
      run("gs -q -o - -sDEVICE=inkcov -dFirstPage=1 -dLastPage=1 '" + file.path + "'");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      ink, m, std::regex(R"(([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+CMYK)")))
      << ink;
  EXPECT_EQ(std::stod(m[1]), 0) << ink;
  EXPECT_GT(std::stod(m[2]), 0.02) << ink;
  EXPECT_EQ(std::stod(m[3]), 0) << ink;
  std::string summary = preflight_summary(d, FontCache::shared(), print_options(), false);
  EXPECT_NE(summary.find("DeviceCMYK"), std::string::npos) << summary;
}

TEST(PdfPreflight, SummaryNamesTheEssentials) {
  Document d = sample_document();
  std::string text = preflight_summary(d, FontCache::shared(), print_options(), false);
  EXPECT_NE(text.find("PDF/X-4"), std::string::npos) << text;
  EXPECT_NE(text.find("419.528 x 595.276 pt (148 x 210 mm)"), std::string::npos) << text;
  EXPECT_NE(text.find("pages:          2"), std::string::npos) << text;
  EXPECT_NE(text.find("NotoSerifCJKsc-Regular"), std::string::npos) << text;
  EXPECT_NE(text.find("output intent:"), std::string::npos) << text;
  std::string json = preflight_summary(d, FontCache::shared(), print_options(), true);
  EXPECT_NE(json.find("\"pages\": 2"), std::string::npos) << json;
  EXPECT_NE(json.find("\"bleed_pt\": 8.504"), std::string::npos) << json;
}

// Transparency is kept as an /SMask in PDF/X-4 and flattened onto white
// paper in PDF/X-1a, which forbids it.
TEST(PdfPrint, TransparentImageIsFlattenedInX1a) {
  const std::string path = std::string(PAIBAN_SOURCE_DIR) + "/tests/image/data/alpha.png";
  Document d = sample_document();
  d.pages[0].images.push_back(figure(path));
  std::string x4 = write_pdf(d, FontCache::shared(), print_options());
  EXPECT_NE(x4.find("/SMask"), std::string::npos);
  std::string x1a = write_pdf(d, FontCache::shared(), print_options(PdfStandard::x1a));
  EXPECT_EQ(x1a.find("/SMask"), std::string::npos);
  EXPECT_EQ(image_count(x1a), 1u);
}

// A CMYK JPEG with its own profile, written the Adobe way (inverted): drawn
// through that profile with a /Decode that inverts it back, in screen and X-4;
// as DeviceCMYK in X-1a.
TEST(PdfPrint, CmykJpegWithAProfileKeepsItsInk) {
  const std::string path = std::string(PAIBAN_SOURCE_DIR) + "/tests/image/data/cmyk-icc.jpg";
  Document d = sample_document();
  d.pages[0].images.push_back(figure(path));
  std::string x4 = write_pdf(d, FontCache::shared(), print_options());
  EXPECT_NE(x4.find("/Decode [ 1 0 1 0 1 0 1 0 ]"), std::string::npos);
  EXPECT_NE(x4.find("/ColorSpace [ /ICCBased"), std::string::npos);
  EXPECT_NE(x4.find("/DCTDecode"), std::string::npos);  // embedded as it is
  std::string x1a = write_pdf(d, FontCache::shared(), print_options(PdfStandard::x1a));
  EXPECT_NE(x1a.find("/ColorSpace /DeviceCMYK"), std::string::npos);
  EXPECT_EQ(x1a.find("ICCBased"), std::string::npos);
}

}  // namespace
}  // namespace paiban
