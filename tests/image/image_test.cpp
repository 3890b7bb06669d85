// Figures read once: facts from the header, one decode of the pixels.
// The files are made by tests/image/data/make.py.
#include <gtest/gtest.h>

#include <vector>

#include "paiban/image.hpp"

namespace paiban {
namespace {

std::string data(const std::string& name) {
  return std::string(PAIBAN_SOURCE_DIR) + "/tests/image/data/" + name;
}
std::string hardening(const std::string& name) {
  return std::string(PAIBAN_SOURCE_DIR) + "/tests/hardening/data/" + name;
}

struct Decoded {
  std::vector<std::vector<uint8_t>> colour, alpha;
};

Decoded decode(const ImageFacts& facts) {
  Decoded out;
  const size_t width = static_cast<size_t>(facts.width);
  decode_image(facts, read_image_file(facts), [&](const uint8_t* colour, const uint8_t* alpha) {
    out.colour.emplace_back(colour, colour + width * facts.components);
    if (alpha) out.alpha.emplace_back(alpha, alpha + width);
  });
  return out;
}

TEST(ImageFacts, CmykJpegWithAProfileWrittenTheAdobeWay) {
  ImageFacts facts = read_image_facts(data("cmyk-icc.jpg"));
  EXPECT_EQ(facts.kind, ImageKind::jpeg);
  EXPECT_EQ(facts.width, 40);
  EXPECT_EQ(facts.height, 30);
  EXPECT_EQ(facts.colour, ImageColour::cmyk);
  EXPECT_EQ(facts.components, 4);
  EXPECT_TRUE(facts.adobe_inverted);
  EXPECT_FALSE(facts.alpha);
  EXPECT_EQ(facts.icc.size(), 5340u);  // ps_cmyk.icc, whole
  EXPECT_EQ(facts.icc.substr(16, 4), "CMYK");
  EXPECT_EQ(describe_colour(facts), "ICCBased CMYK");
  // Decoded as ink amounts: the left half is pure magenta.
  Decoded pixels = decode(facts);
  ASSERT_EQ(pixels.colour.size(), 30u);
  const std::vector<uint8_t>& row = pixels.colour[15];
  EXPECT_LT(row[4 * 5 + 0], 12);
  EXPECT_GT(row[4 * 5 + 1], 243);
  EXPECT_LT(row[4 * 5 + 2], 12);
  EXPECT_LT(row[4 * 5 + 3], 12);
}

TEST(ImageFacts, AJpegWhoseFrameLiesPastItsFirst64Kb) {
  ImageFacts facts = read_image_facts(data("late-frame.jpg"));
  EXPECT_EQ(facts.width, 48);
  EXPECT_EQ(facts.height, 32);
  EXPECT_EQ(facts.colour, ImageColour::rgb);
  EXPECT_TRUE(facts.icc.empty());
  EXPECT_EQ(decode(facts).colour.size(), 32u);
}

TEST(ImageFacts, RgbJpegKeepsItsOwnProfile) {
  ImageFacts facts = read_image_facts(data("rgb-icc.jpg"));
  EXPECT_EQ(facts.colour, ImageColour::rgb);
  EXPECT_EQ(facts.icc.substr(16, 4), "RGB ");
  EXPECT_FALSE(facts.adobe_inverted);
}

TEST(ImageFacts, PngAlphaIsSplitOff) {
  ImageFacts facts = read_image_facts(data("alpha.png"));
  EXPECT_EQ(facts.kind, ImageKind::png);
  EXPECT_EQ(facts.colour, ImageColour::rgb);
  EXPECT_TRUE(facts.alpha);
  EXPECT_EQ(describe_colour(facts), "DeviceRGB+alpha");
  Decoded pixels = decode(facts);
  ASSERT_EQ(pixels.alpha.size(), 10u);
  EXPECT_EQ(pixels.colour[0][0], 255);  // red, opaque
  EXPECT_EQ(pixels.alpha[0][0], 255);
  EXPECT_EQ(pixels.alpha[0][19], 0);  // transparent
  EXPECT_EQ(pixels.colour[0].size(), 60u);
}

TEST(ImageFacts, PaletteWithTransparencyAndSixteenBitGrey) {
  ImageFacts palette = read_image_facts(data("palette.png"));
  EXPECT_TRUE(palette.palette);
  EXPECT_TRUE(palette.alpha);  // from tRNS
  EXPECT_EQ(palette.components, 3);
  Decoded pixels = decode(palette);
  EXPECT_EQ(pixels.alpha.at(5).at(15), 0);
  EXPECT_EQ(pixels.alpha.at(5).at(2), 255);

  ImageFacts grey = read_image_facts(data("grey16.png"));
  EXPECT_EQ(grey.bits, 16);
  EXPECT_EQ(grey.colour, ImageColour::gray);
  EXPECT_EQ(grey.components, 1);
  Decoded samples = decode(grey);
  EXPECT_EQ(samples.colour.at(0).at(0), 40000 >> 8);
}

// An interlaced PNG decodes (libharu could not embed one; paiban decodes itself).
TEST(ImageFacts, InterlacedPngDecodes) {
  ImageFacts facts = read_image_facts(hardening("interlaced.png"));
  EXPECT_TRUE(facts.interlaced);
  EXPECT_EQ(decode(facts).colour.size(), static_cast<size_t>(facts.height));
}

TEST(ImageFacts, RefusalsSayWhy) {
  auto why = [](const std::string& path) {
    try {
      read_image_facts(path);
    } catch (const ImageError& error) {
      return std::string(error.what());
    }
    return std::string("read");
  };
  EXPECT_EQ(why(data("make.py")), "not a PNG or JPEG file");
  EXPECT_EQ(why(data("none.png")), "cannot open it");
  // Damage past the header is found when decoding, not before.
  ImageFacts facts = read_image_facts(hardening("ancillary-crc.png"));
  EXPECT_THROW(decode(facts), ImageError);
}

// A JPEG embedded as it is is checked, not decoded: at 1/8 scale, which
// still reads every block, so damage is found as a full decode finds it.
TEST(ImageFacts, CheckingAJpegWholeFindsWhatDecodingFinds) {
  for (const std::string& path : {data("rgb-icc.jpg"), data("cmyk-icc.jpg"),
                                   data("late-frame.jpg"), hardening("photo.jpg")}) {
    const ImageFacts facts = read_image_facts(path);
    const std::string bytes = read_image_file(facts);
    EXPECT_NO_THROW(check_image_whole(facts, bytes)) << path;

    auto verdict = [&](const std::string& damaged, bool check) {
      try {
        if (check)
          check_image_whole(facts, damaged);
        else
          decode_image(facts, damaged, [](const uint8_t*, const uint8_t*) {});
      } catch (const ImageError& error) {
        return std::string(error.what());
      }
      return std::string("whole");
    };
    // Cut inside the entropy-coded data: libjpeg reports the early end.
    const std::string cut = bytes.substr(0, bytes.size() - (bytes.size() - bytes.rfind("\xFF\xDA")) / 2);
    EXPECT_NE(verdict(cut, true), "whole") << path;
    EXPECT_EQ(verdict(cut, true), verdict(cut, false)) << path;
    // A marker where block data should be: "corrupt JPEG data".
    std::string marked = bytes;
    const size_t scan = bytes.rfind("\xFF\xDA") + 20;
    ASSERT_LT(scan + 2, marked.size() - 2) << path;
    marked[scan] = '\xFF';
    marked[scan + 1] = '\xD3';  // RST3, out of place
    EXPECT_NE(verdict(marked, true), "whole") << path;
    EXPECT_NE(verdict(marked, false), "whole") << path;
  }
}

}  // namespace
}  // namespace paiban
