#include "pdf/object_streams.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "pdf_test_support.hpp"

namespace paiban {
namespace {

using namespace pdf_test;

// A classic PDF as libharu lays it out: objects 1..n, an xref table with
// CR LF entries, a trailer.
std::string classic_pdf(const std::vector<std::string>& bodies, const std::string& trailer_extra) {
  std::string pdf = "%PDF-1.7\n%\xB7\xBE\xAD\xAA\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < bodies.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(bodies.size() + 1) + "\n0000000000 65535 f\r\n";
  for (size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n\r\n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<<\n/Root 1 0 R\n" + trailer_extra + "/Size " +
         std::to_string(bodies.size() + 1) + "\n>>\nstartxref\n" + std::to_string(xref) +
         "\n%%EOF\n";
  return pdf;
}

// Objects whose text would trip a careless scanner: "stream" and "endobj"
// and unbalanced-looking brackets inside strings, a comment, references.
std::vector<std::string> tricky_objects() {
  return {
      "<<\n/Type /Catalog\n/Pages 2 0 R\n/Lang (zh \\) endobj stream)\n>>",
      "<<\n/Type /Pages\n/Kids [ 3 0 R ]\n/Count 1\n>>",
      "<<\n/Type /Page\n/Parent 2 0 R\n/MediaBox [ 0 0 200 100 ]\n/Contents 4 0 R\n"
      "/Resources << >>\n% a comment with stream in it\n/Title <FEFF0041> /Alt (a (nested) "
      "string)\n>>",
      "<<\n/Length 5 0 R\n>>\nstream\r\n0 0 1 rg 10 10 50 50 re f\nendstream",
      "26",
      "[ 1 2 0 R /Name (x) ]",
  };
}

// qpdf's view of one object ("trailer": the trailer's, or the xref stream's, entries).
std::string show(const std::string& path, const std::string& object, bool stream_data = false) {
  int status = 0;
  std::string out = run("qpdf --show-object=" + object +
                            (stream_data ? " --filtered-stream-data" : "") + " '" + path + "'",
                        &status);
  EXPECT_EQ(status, 0) << "qpdf --show-object=" << object << " " << path;
  return out;
}

TEST(ObjectStreams, KeepsEveryObjectAndQpdfChecksClean) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  const std::string classic = classic_pdf(tricky_objects(), "/ID [ <01> <01> ]\n");
  const std::string packed = pdf::pack_objects(classic);
  TempFile before("classic.pdf"), after("packed.pdf");
  before.write(classic);
  after.write(packed);

  int status = 0;
  const std::string check = run("qpdf --check '" + after.path + "' 2>&1", &status);
  EXPECT_EQ(status, 0) << check;
  EXPECT_NE(check.find("No syntax or stream encoding errors"), std::string::npos) << check;
  for (int object = 1; object <= 6; ++object)
    EXPECT_EQ(show(before.path, std::to_string(object)), show(after.path, std::to_string(object)))
        << "object " << object;
  EXPECT_EQ(show(after.path, "4", true), "0 0 1 rg 10 10 50 50 re f\n");
  // The trailer's entries moved to the cross-reference stream.
  const std::string trailer = show(after.path, "trailer");
  EXPECT_NE(trailer.find("/Root 1 0 R"), std::string::npos) << trailer;
  EXPECT_NE(trailer.find("/ID [ <01> <01> ]"), std::string::npos) << trailer;
}

TEST(ObjectStreams, OnlyStreamsStayTopLevel) {
  const std::string packed = pdf::pack_objects(classic_pdf(tricky_objects(), ""));
  EXPECT_EQ(packed.rfind("%PDF-1.7\n%\xB7\xBE\xAD\xAA\n", 0), 0u);  // header kept
  EXPECT_EQ(packed.find("\nxref"), std::string::npos);
  EXPECT_EQ(packed.find("trailer"), std::string::npos);
  EXPECT_NE(packed.find("4 0 obj\n<<\n/Length 5 0 R\n>>\nstream\r\n"), std::string::npos);
  for (int object : {1, 2, 3, 5, 6})
    EXPECT_EQ(packed.find("\n" + std::to_string(object) + " 0 obj"), std::string::npos) << object;
  EXPECT_NE(packed.find("7 0 obj\n<< /Type /ObjStm /N 5 "), std::string::npos);
  const size_t startxref = packed.rfind("startxref\n");
  ASSERT_NE(startxref, std::string::npos);
  const size_t xref = std::stoul(packed.substr(startxref + 10));
  EXPECT_EQ(packed.compare(xref, 28, "8 0 obj\n<< /Type /XRef /Size"), 0);
  EXPECT_EQ(packed, pdf::pack_objects(classic_pdf(tricky_objects(), "")));  // deterministic
}

TEST(ObjectStreams, RefusesWhatIsNotLaidOutAsExpected) {
  std::string classic = classic_pdf(tricky_objects(), "");
  EXPECT_THROW(pdf::pack_objects("%PDF-1.7\nnothing here\n"), std::runtime_error);
  std::string shifted = classic;  // every offset now one byte off
  shifted.insert(10, " ");
  EXPECT_THROW(pdf::pack_objects(shifted), std::runtime_error);
  std::string truncated = classic;
  truncated.replace(truncated.find("(a (nested) string)"), 19, "(a (nested string) ");
  EXPECT_THROW(pdf::pack_objects(truncated), std::runtime_error);
}

TEST(ObjectStreams, ScreenFilesUseThemAndPrintFilesDoNot) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  const Document d = sample_document();
  const std::string screen = write_pdf(d, FontCache::shared(), {});
  EXPECT_NE(screen.find("/Type /ObjStm"), std::string::npos);
  EXPECT_NE(screen.find("/Type /XRef"), std::string::npos);
  PdfOptions print;
  print.print = true;
  const std::string printed = write_pdf(d, FontCache::shared(), print);
  EXPECT_EQ(printed.find("/Type /ObjStm"), std::string::npos);
  EXPECT_NE(printed.find("\nxref\n"), std::string::npos);

  TempFile file("screen.pdf");
  file.write(screen);
  int status = 0;
  const std::string check = run("qpdf --check '" + file.path + "' 2>&1", &status);
  EXPECT_EQ(status, 0) << check;
}

}  // namespace
}  // namespace paiban
