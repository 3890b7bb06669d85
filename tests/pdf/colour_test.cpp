// Colours: RGB on screen, CMYK ink or spot inks (Separation) in print;
// boxes and dots drawn in them.
#include <gtest/gtest.h>

#include "pdf/content_stream.hpp"
#include "pdf_test_support.hpp"

namespace paiban {
namespace {

using namespace pdf_test;

TEST(PdfColour, OperatorsOnScreenAndInPrint) {
  pdf::ColourOutput screen, print{.print = true, .spot_resources = {"CS0"}};
  Cmyk black;
  EXPECT_EQ(pdf::colour_operator(black, false, screen), "0 0 0 rg\n");
  EXPECT_EQ(pdf::colour_operator(black, true, print), "0 0 0 1 K\n");
  Cmyk brand{1, 0.6, 0, 0.2};
  brand.has_rgb = true, brand.r = 0, brand.g = 0x50, brand.b = 0xFF;
  EXPECT_EQ(pdf::colour_operator(brand, false, screen), "0 0.314 1 rg\n");
  EXPECT_EQ(pdf::colour_operator(brand, false, print), "1 0.6 0 0.2 k\n");
  Cmyk spot{0, 0.9, 0.85, 0};
  spot.spot = 0;
  EXPECT_EQ(pdf::colour_operator(spot, false, print), "/CS0 cs 1 scn\n");
  EXPECT_EQ(pdf::colour_operator(spot, true, print), "/CS0 CS 1 SCN\n");
  EXPECT_EQ(pdf::colour_operator(spot, false, screen), "1 0.1 0.15 rg\n");  // from its ink
}

TEST(PdfColour, BoxesAndDots) {
  pdf::PageFrame frame;
  frame.media_height = 100;
  pdf::ColourOutput print{.print = true};
  PageBox box{10, 20, 30, 40, true, Cmyk{0, 0, 0, 0.1}, 0, {}};
  EXPECT_EQ(pdf::box_operators({box}, frame, print), "q 0 0 0 0.1 k\n10 40 30 40 re f Q\n");
  box.filled = false, box.stroke_width = 0.5;
  EXPECT_EQ(pdf::box_operators({box}, frame, print), "q 0 0 0 1 K\n0.5 w 10 40 30 40 re S Q\n");
  std::string dot = pdf::dot_operators({PageDot{50, 50, 1, {}}}, frame, print);
  EXPECT_EQ(dot.substr(0, 20), "0 0 0 1 k\n51 50 m 51");
  EXPECT_EQ(dot.substr(dot.size() - 4), "c f\n");
}

// A document with a spot-coloured heading, a tinted box and a black rule:
// RGB only on screen; in print CMYK and one Separation, no RGB, clean in
// Ghostscript.
TEST(PdfColour, DocumentsUseRgbOnScreenAndInksInPrint) {
  Document d = sample_document();
  d.spots = {SpotInk{"PANTONE 185 C", 0, 0.9, 0.85, 0}};
  for (PageGlyph& glyph : d.pages[0].glyphs) glyph.color.spot = 0;
  d.pages[0].boxes.push_back({20, 20, 100, 50, true, Cmyk{0.1, 0, 0, 0}, 1, Cmyk{}});
  PdfOptions screen_options;
  screen_options.compress = false;
  std::string screen = write_pdf(d, FontCache::shared(), screen_options);
  EXPECT_NE(screen.find(" rg\n"), std::string::npos);
  EXPECT_EQ(screen.find(" k\n"), std::string::npos);
  EXPECT_EQ(screen.find("Separation"), std::string::npos);

  PdfOptions print_options;
  print_options.print = true;
  print_options.compress = false;
  std::string print = write_pdf(d, FontCache::shared(), print_options);
  EXPECT_NE(print.find("/CS0 cs 1 scn"), std::string::npos);
  EXPECT_NE(print.find("/Separation /PANTONE#20185#20C /DeviceCMYK"), std::string::npos);
  EXPECT_NE(print.find("re B Q"), std::string::npos);
  EXPECT_EQ(print.find(" rg\n"), std::string::npos);
  std::string summary = preflight_summary(d, FontCache::shared(), print_options, false);
  EXPECT_NE(summary.find("Separation PANTONE 185 C"), std::string::npos) << summary;
  if (!have_tool("gs")) GTEST_SKIP() << "ghostscript not installed";
  TempFile file("spot.pdf");
  file.write(print);
  int status = -1;
  std::string out = run("gs -q -dNOPAUSE -dBATCH -dPDFSTOPONERROR -dPDFSTOPONWARNING "
                        "-sDEVICE=nullpage '" + file.path + "' 2>&1", &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace paiban
