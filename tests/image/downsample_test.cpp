// Downsampling by area averaging: exact box means, fractional edges, and
// colour weighted by alpha so transparent pixels do not bleed in.
#include "image/downsample.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace paiban {
namespace {

struct Image {
  int width = 0, height = 0, components = 1;
  std::vector<uint8_t> colour, alpha;  // alpha empty: none
  const uint8_t* colour_row(int y) const { return &colour[size_t(y) * width * components]; }
  const uint8_t* alpha_row(int y) const {
    return alpha.empty() ? nullptr : &alpha[size_t(y) * width];
  }
};

Image downsample(const Image& in, int out_width, int out_height) {
  Image out{out_width, out_height, in.components, {}, {}};
  int rows = 0;
  ImageDownsampler downsampler(in.width, in.height, in.components, !in.alpha.empty(), out_width,
                               out_height, [&](const uint8_t* colour, const uint8_t* alpha) {
                                 ++rows;
                                 out.colour.insert(out.colour.end(), colour,
                                                   colour + out_width * in.components);
                                 if (alpha)
                                   out.alpha.insert(out.alpha.end(), alpha, alpha + out_width);
                               });
  for (int y = 0; y < in.height; ++y) downsampler.row(in.colour_row(y), in.alpha_row(y));
  EXPECT_EQ(rows, out_height);
  return out;
}

TEST(ImageDownsampler, WholeBlocksAreTheirMeans) {
  // 4x4 grey in 2x2 blocks of four different levels, then one odd block.
  Image in{4,
           4,
           1,
           {0, 10, 100, 100,   //
            20, 30, 100, 100,  //
            255, 255, 1, 2,    //
            255, 255, 3, 4},
           {}};
  Image out = downsample(in, 2, 2);
  // 15, 100, 255 and 2.5 (rounded half up to 3).
  EXPECT_EQ(out.colour, (std::vector<uint8_t>{15, 100, 255, 3}));
}

TEST(ImageDownsampler, PixelsCutByAnEdgeCountByThePartInside) {
  // Three pixels into two: each output pixel is one and a half input pixels.
  Image in{3, 1, 1, {0, 90, 180}, {}};
  Image out = downsample(in, 2, 1);
  EXPECT_EQ(out.colour, (std::vector<uint8_t>{30, 150}));  // (0+0+90)/3, (90+180+180)/3

  // The same down the image: five rows into three, RGB.
  Image tall{1, 5, 3, {}, {}};
  for (uint8_t v : {0, 50, 100, 150, 250})
    for (uint8_t sample : {v, v, uint8_t(255)}) tall.colour.push_back(sample);
  Image three = downsample(tall, 1, 3);
  // Rows of 5/3 input rows: (0*3+50*2)/5 = 20, (50+100*3+150)/5 = 100, (150*2+250*3)/5 = 210.
  EXPECT_EQ(three.colour, (std::vector<uint8_t>{20, 20, 255, 100, 100, 255, 210, 210, 255}));
}

// An opaque red and an opaque blue column with a transparent green one
// between: the output keeps pure red and pure blue at two thirds coverage.
// A plain mean would make them brown and teal with green bled in.
TEST(ImageDownsampler, ColourIsWeightedByAlphaAtEdges) {
  Image in{3, 3, 3, {}, {}};
  for (int y = 0; y < 3; ++y) {
    in.colour.insert(in.colour.end(), {255, 0, 0, 0, 255, 0, 0, 0, 255});
    in.alpha.insert(in.alpha.end(), {255, 0, 255});
  }
  Image out = downsample(in, 2, 2);
  EXPECT_EQ(out.colour, (std::vector<uint8_t>{255, 0, 0, 0, 0, 255, 255, 0, 0, 0, 0, 255}));
  EXPECT_EQ(out.alpha, (std::vector<uint8_t>{170, 170, 170, 170}));

  // Half-transparent pixels weigh by their alpha: 200 at alpha 255 and 0 at
  // alpha 85 give (200*255 + 0*85) / 340 = 150, alpha (255 + 85) / 2 = 170.
  Image grey{2, 1, 1, {200, 0}, {255, 85}};
  Image one = downsample(grey, 1, 1);
  EXPECT_EQ(one.colour, (std::vector<uint8_t>{150}));
  EXPECT_EQ(one.alpha, (std::vector<uint8_t>{170}));
}

// A wholly transparent output pixel takes the colour of the nearest visible
// one before it in its row, else after it; a row with none repeats the row
// above (black at the top): a viewer smoothing the colours apart from the
// mask finds no colour at an edge that was not there.
TEST(ImageDownsampler, WhollyTransparentPixelsTakeTheirVisibleNeighboursColour) {
  // 8 x 4 grey into 4 x 2; alpha 0 except the pixels marked.
  Image in{8, 4, 1, std::vector<uint8_t>(32, 99), std::vector<uint8_t>(32, 0)};
  auto set = [&](int x, int y, uint8_t value) {
    in.colour[y * 8 + x] = value;
    in.alpha[y * 8 + x] = 255;
  };
  set(2, 0, 40);   // the second output pixel of row 0
  set(7, 1, 200);  // the fourth
  // Output row 1 (input rows 2 and 3): nothing visible.
  Image out = downsample(in, 4, 2);
  EXPECT_EQ(out.alpha, (std::vector<uint8_t>{0, 64, 0, 64, 0, 0, 0, 0}));
  EXPECT_EQ(out.colour, (std::vector<uint8_t>{40, 40, 40, 200, 40, 40, 40, 200}));

  Image clear{2, 2, 1, {10, 30, 50, 70}, {0, 0, 0, 0}};
  Image black = downsample(clear, 1, 1);
  EXPECT_EQ(black.colour, (std::vector<uint8_t>{0}));
  EXPECT_EQ(black.alpha, (std::vector<uint8_t>{0}));
}

// Any ratio keeps the image's overall mean (each input pixel's weight adds up
// to the same), a uniform image stays uniform, and the same rows give the
// same bytes.
TEST(ImageDownsampler, KeepsTheMeanAtAnyRatioAndIsDeterministic) {
  std::mt19937 random(7);
  Image in{173, 101, 4, {}, {}};
  for (int i = 0; i < in.width * in.height * 4; ++i) in.colour.push_back(random() % 256);
  auto mean = [](const std::vector<uint8_t>& v) {
    double sum = 0;
    for (uint8_t x : v) sum += x;
    return sum / v.size();
  };
  for (auto [w, h] : {std::pair{100, 60}, {37, 101}, {173, 13}, {1, 1}, {172, 100}}) {
    Image out = downsample(in, w, h);
    ASSERT_EQ(out.colour.size(), size_t(w) * h * 4);
    EXPECT_NEAR(mean(out.colour), mean(in.colour), 0.5) << w << "x" << h;
    EXPECT_EQ(downsample(in, w, h).colour, out.colour);
  }
  Image flat{50, 40, 3, std::vector<uint8_t>(50 * 40 * 3, 77), std::vector<uint8_t>(50 * 40, 200)};
  Image out = downsample(flat, 17, 9);
  EXPECT_EQ(out.colour, std::vector<uint8_t>(17 * 9 * 3, 77));
  EXPECT_EQ(out.alpha, std::vector<uint8_t>(17 * 9, 200));
}

TEST(ImageDownsampler, RefusesToEnlargeOrTakeTooManyRows) {
  auto sink = [](const uint8_t*, const uint8_t*) {};
  EXPECT_THROW(ImageDownsampler(10, 10, 3, false, 11, 5, sink), std::invalid_argument);
  EXPECT_THROW(ImageDownsampler(10, 10, 3, false, 5, 0, sink), std::invalid_argument);
  EXPECT_THROW(ImageDownsampler(10, 10, 2, false, 5, 5, sink), std::invalid_argument);
  ImageDownsampler one_row(2, 1, 1, false, 1, 1, sink);
  const uint8_t row[2] = {1, 2};
  one_row.row(row, nullptr);
  EXPECT_THROW(one_row.row(row, nullptr), std::logic_error);
}

}  // namespace
}  // namespace paiban
