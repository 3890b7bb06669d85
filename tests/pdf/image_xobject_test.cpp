#include "pdf/image_xobject.hpp"

#include <gtest/gtest.h>

#include "paiban/image.hpp"
#include "pdf_test_support.hpp"

namespace paiban {
namespace {

using namespace pdf_test;

// A 20x20 grey PNG of one level (0 black .. 1 white), made by Ghostscript.
void make_png(const std::string& path, double level) {
  run("gs -q -o '" + path + "' -sDEVICE=pnggray -g20x20 -c '" + std::to_string(level) +
      " setgray clippath fill showpage' 2>&1");
}

// The file with every stream decompressed (qpdf --qdf).
std::string uncompressed(const std::string& pdf) {
  TempFile in("image-in.pdf"), out("image-qdf.pdf");
  in.write(pdf);
  run("qpdf --qdf --object-streams=disable '" + in.path + "' '" + out.path + "' 2>&1");
  std::ifstream file(out.path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), {});
}

Document with_figure(const std::string& path) {
  Document d = sample_document();
  d.pages[0].images.push_back({read_image_facts(path), 56, 200, 100, 100, {path, 1, 1}, ""});
  return d;
}

// Encoded figures are shared by the documents of a process (a batch): by the
// file's bytes, never by its name, and without changing a byte of output.
TEST(PdfImages, SharedEncodingFollowsTheFileAndKeepsOutputTheSame) {
  if (!have_tool("gs") || !have_tool("qpdf")) GTEST_SKIP() << "gs and qpdf make and read files";
  TempFile png("shared.png");
  make_png(png.path, 0);
  const std::string black_samples(400, '\0'), white_samples(400, '\xFF');

  const std::string first = write_pdf(with_figure(png.path), FontCache::shared(), {});
  const std::string again = write_pdf(with_figure(png.path), FontCache::shared(), {});
  EXPECT_EQ(first, again);  // the second one reused the encoded samples
  const std::string black = uncompressed(first);
  EXPECT_NE(black.find(black_samples), std::string::npos);
  EXPECT_EQ(black.find(white_samples), std::string::npos);

  make_png(png.path, 1);  // the same name, other pixels
  const std::string white = uncompressed(write_pdf(with_figure(png.path), FontCache::shared(), {}));
  EXPECT_NE(white.find(white_samples), std::string::npos);
  EXPECT_EQ(white.find(black_samples), std::string::npos);
}

}  // namespace
}  // namespace paiban
