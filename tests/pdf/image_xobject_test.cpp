#include "pdf/image_xobject.hpp"

#include <gtest/gtest.h>
#include <jpeglib.h>
#include <png.h>

#include <cstdio>
#include <random>
#include <set>
#include <vector>

#include "paiban/image.hpp"
#include "pdf_reader.hpp"
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

// Writes an 8-bit PNG (1 grey, 3 RGB or 4 RGBA samples a pixel) with libpng.
void write_png(const std::string& path, int width, int height, int channels,
               const std::vector<uint8_t>& pixels) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = channels == 4 ? PNG_FORMAT_RGBA : channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  ASSERT_TRUE(png_image_write_to_file(&image, path.c_str(), 0, pixels.data(), 0, nullptr))
      << image.message;
}

// Writes an RGB JPEG with libjpeg.
void write_jpeg(const std::string& path, int width, int height, const std::vector<uint8_t>& rgb,
                int quality) {
  FILE* file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  jpeg_compress_struct jpeg{};
  jpeg_error_mgr errors{};
  jpeg.err = jpeg_std_error(&errors);
  jpeg_create_compress(&jpeg);
  jpeg_stdio_dest(&jpeg, file);
  jpeg.image_width = static_cast<JDIMENSION>(width);
  jpeg.image_height = static_cast<JDIMENSION>(height);
  jpeg.input_components = 3;
  jpeg.in_color_space = JCS_RGB;
  jpeg_set_defaults(&jpeg);
  jpeg_set_quality(&jpeg, quality, TRUE);
  jpeg_start_compress(&jpeg, TRUE);
  for (int y = 0; y < height; ++y) {
    JSAMPROW row = const_cast<uint8_t*>(&rgb[size_t(y) * width * 3]);
    jpeg_write_scanlines(&jpeg, &row, 1);
  }
  jpeg_finish_compress(&jpeg);
  jpeg_destroy_compress(&jpeg);
  std::fclose(file);
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), {});
}

// An RGB test card: every pixel different, so any resampling shows.
std::vector<uint8_t> card(int width, int height) {
  std::vector<uint8_t> rgb;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      rgb.insert(rgb.end(), {uint8_t(x * 255 / width), uint8_t(y * 255 / height),
                             uint8_t((x * 7 + y * 13) % 256)});
  return rgb;
}

PageImage placed(const std::string& path, double width_pt, double height_pt, double y = 200) {
  return {read_image_facts(path), 56, y, width_pt, height_pt, {path, 1, 1}, ""};
}

// The image XObjects of a PDF (not their soft masks), in object order, with
// their streams as written (Flate undone by qpdf, DCT as it is).
struct WrittenImage {
  int width = 0, height = 0;
  std::string filter;  // "DCTDecode", or empty once qpdf undid Flate
  std::string samples;
  std::string mask;  // the /SMask's samples, empty without one
};

std::vector<WrittenImage> written_images(const std::string& pdf) {
  TempFile file("written-images.pdf");
  file.write(pdf);
  PdfFile parsed = PdfFile::load(file.path);
  std::set<int> masks;
  for (const auto& [id, object] : parsed.objects())
    if (object.value["SMask"].is(PdfValue::Kind::ref)) masks.insert(object.value["SMask"].ref);
  std::vector<WrittenImage> images;
  for (const auto& [id, object] : parsed.objects()) {
    const PdfValue& dict = object.value;
    if (!dict["Subtype"].is_name("Image") || masks.count(id)) continue;
    WrittenImage image;
    image.width = static_cast<int>(parsed.get(dict, "Width").number);
    image.height = static_cast<int>(parsed.get(dict, "Height").number);
    const PdfValue& filter = parsed.get(dict, "Filter");  // a name or [ name ]
    image.filter = filter.items.empty() ? filter.text : filter.items[0].text;
    image.samples = object.stream;
    if (dict["SMask"].is(PdfValue::Kind::ref))
      image.mask = parsed.object(dict["SMask"].ref)->stream;
    images.push_back(std::move(image));
  }
  return images;
}

// The rule: more than 450 ppi on either axis -> 300 ppi, rounded up, never more
// pixels than the file has.
TEST(PdfImages, WrittenPixelsFollowThePressQualityRule) {
  ImageFacts facts;
  facts.width = 400;
  facts.height = 400;
  const double mm22 = 22 * 72 / 25.4;  // the itrade logo: 462 ppi
  EXPECT_EQ(pdf::written_pixels(facts, mm22, mm22), (pdf::PixelSize{260, 260}));
  EXPECT_EQ(pdf::written_pixels(facts, 64, 64), (pdf::PixelSize{400, 400}));  // 450 ppi exactly
  EXPECT_EQ(pdf::written_pixels(facts, 400 * 72.0 / 451, 64),
            (pdf::PixelSize{267, 267}));  // 451 ppi across: 0.8869 in -> 266.1 -> 267
  EXPECT_EQ(pdf::written_pixels(facts, 288, 288), (pdf::PixelSize{400, 400}));  // 100 ppi
  // Stretched: 960 ppi across, 100 down: fewer pixels across only.
  EXPECT_EQ(pdf::written_pixels(facts, 30, 288), (pdf::PixelSize{125, 400}));
  EXPECT_EQ(pdf::written_pixels(facts, 0.01, 0.01), (pdf::PixelSize{1, 1}));
  EXPECT_EQ(pdf::written_pixels(facts, 0, 0), (pdf::PixelSize{400, 400}));  // nothing placed
}

// Above 450 ppi: written at 300 ppi, in every output (screen, PDF/X-4, PDF/X-1a),
// colour and soft mask alike.
TEST(PdfImages, AnImageAbove450PpiIsWrittenAt300) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf reads the written file";
  TempFile png("dense.png");
  std::vector<uint8_t> rgba;
  const std::vector<uint8_t> rgb = card(400, 200);
  for (size_t i = 0; i < rgb.size(); i += 3)
    rgba.insert(rgba.end(), {rgb[i], rgb[i + 1], rgb[i + 2], uint8_t(i % 7 ? 255 : 0)});
  write_png(png.path, 400, 200, 4, rgba);
  // 400 x 200 pixels over 48 x 24 pt (2/3 x 1/3 in): 600 ppi -> 200 x 100.
  Document d = sample_document();
  d.pages[0].images.push_back(placed(png.path, 48, 24));
  for (PdfStandard standard : {PdfStandard::x4, PdfStandard::x1a}) {
    for (bool print : {false, true}) {
      if (!print && standard == PdfStandard::x1a) continue;
      PdfOptions options;
      options.print = print;
      options.standard = standard;
      const std::string pdf = write_pdf(d, FontCache::shared(), options);
      std::vector<WrittenImage> images = written_images(pdf);
      ASSERT_EQ(images.size(), 1u);
      EXPECT_EQ(images[0].width, 200);
      EXPECT_EQ(images[0].height, 100);
      const bool x1a = print && standard == PdfStandard::x1a;
      EXPECT_GE(images[0].samples.size(), 200u * 100 * (x1a ? 4 : 3));  // CMYK in X-1a
      EXPECT_EQ(images[0].mask.empty(), x1a);                           // flattened in X-1a
      if (!x1a) EXPECT_GE(images[0].mask.size(), 200u * 100);
      EXPECT_EQ(pdf, write_pdf(d, FontCache::shared(), options));  // deterministic
    }
  }
}

// At or below 450 ppi the file is written as before: all its samples, the
// JPEG's own bytes.
TEST(PdfImages, AnImageAtOrBelow450PpiIsUntouched) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf reads the written file";
  TempFile png("at-450.png"), jpg("at-450.jpg");
  const std::vector<uint8_t> rgb = card(400, 400);
  write_png(png.path, 400, 400, 3, rgb);
  write_jpeg(jpg.path, 400, 400, rgb, 90);

  // 400 pixels over 64 pt: exactly 450 ppi; and over 288 pt: 100 ppi.
  std::string samples_at[2];
  for (int i = 0; i < 2; ++i) {
    Document d = sample_document();
    d.pages[0].images.push_back(placed(png.path, i ? 288 : 64, i ? 288 : 64));
    std::vector<WrittenImage> images = written_images(write_pdf(d, FontCache::shared(), {}));
    ASSERT_EQ(images.size(), 1u);
    EXPECT_EQ(images[0].width, 400);
    EXPECT_EQ(images[0].height, 400);
    samples_at[i] = images[0].samples.substr(0, rgb.size());
  }
  EXPECT_EQ(samples_at[0], std::string(rgb.begin(), rgb.end()));  // every pixel of the file
  EXPECT_EQ(samples_at[0], samples_at[1]);

  Document d = sample_document();
  d.pages[0].images.push_back(placed(jpg.path, 64, 64));
  std::vector<WrittenImage> images = written_images(write_pdf(d, FontCache::shared(), {}));
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].filter, "DCTDecode");
  EXPECT_EQ(images[0].samples.substr(0, read_file(jpg.path).size()), read_file(jpg.path));
}

// A small synthetic picture: opaque red, transparent green and opaque blue
// columns, 3 x 3 pixels written 2 x 2. Colour is averaged weighted by alpha:
// pure red and pure blue at two thirds coverage, no green bled in.
TEST(PdfImages, AlphaEdgesAreAveragedWithoutTransparentColour) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf reads the written file";
  TempFile png("edges.png");
  std::vector<uint8_t> rgba;
  for (int y = 0; y < 3; ++y)
    rgba.insert(rgba.end(), {255, 0, 0, 255, 0, 255, 0, 0, 0, 0, 255, 255});
  write_png(png.path, 3, 3, 4, rgba);
  Document d = sample_document();
  d.pages[0].images.push_back(placed(png.path, 0.4, 0.4));  // 540 ppi: 1.67 -> 2 pixels
  std::vector<WrittenImage> images = written_images(write_pdf(d, FontCache::shared(), {}));
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].width, 2);
  EXPECT_EQ(images[0].height, 2);
  const std::string red_blue("\xFF\0\0\0\0\xFF", 6);
  EXPECT_EQ(images[0].samples.substr(0, 12), red_blue + red_blue);
  EXPECT_EQ(images[0].mask.substr(0, 4), std::string(4, char(170)));
}

// One figure at two sizes that downsample differently: two XObjects, each
// right for its size; used twice at one size: embedded once.
TEST(PdfImages, OneXObjectPerFileAndWrittenSize) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf reads the written file";
  TempFile png("sizes.png");
  write_png(png.path, 400, 400, 3, card(400, 400));
  Document d = sample_document();
  d.pages[0].images.push_back(placed(png.path, 36, 36, 100));    // 800 ppi -> 150
  d.pages[0].images.push_back(placed(png.path, 36, 36, 200));    // the same size again
  d.pages[1].images.push_back(placed(png.path, 36, 36, 100));    // and on another page
  d.pages[1].images.push_back(placed(png.path, 48, 48, 200));    // 600 ppi -> 200
  d.pages[1].images.push_back(placed(png.path, 288, 288, 300));  // 100 ppi: the file's 400
  std::vector<WrittenImage> images = written_images(write_pdf(d, FontCache::shared(), {}));
  std::multiset<int> widths;
  for (const WrittenImage& image : images) {
    widths.insert(image.width);
    EXPECT_EQ(image.height, image.width);
    EXPECT_GE(image.samples.size(), size_t(image.width) * image.width * 3);
  }
  EXPECT_EQ(widths, (std::multiset<int>{150, 200, 400}));
}

// A downsampled JPEG: kept as it is when its Flate samples would be larger
// (a photo a little over 450 ppi), written as Flate samples when smaller (a
// simple picture placed far smaller than its pixels).
TEST(PdfImages, ADownsampledJpegIsKeptUnlessFlateIsSmaller) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf reads the written file";
  TempFile noisy("noisy.jpg"), plain("plain.jpg");
  std::mt19937 random(3);
  std::vector<uint8_t> noise(200 * 200 * 3);
  for (uint8_t& v : noise) v = static_cast<uint8_t>(random());
  write_jpeg(noisy.path, 200, 200, noise, 40);
  write_jpeg(plain.path, 200, 200, std::vector<uint8_t>(200 * 200 * 3, 90), 95);

  Document d = sample_document();
  d.pages[0].images.push_back(placed(noisy.path, 30, 30, 100));  // 480 ppi -> 125
  d.pages[0].images.push_back(placed(noisy.path, 20, 20, 200));  // 720 ppi -> 84
  d.pages[1].images.push_back(placed(plain.path, 7.2, 7.2));     // 2000 ppi -> 30
  std::vector<WrittenImage> images = written_images(write_pdf(d, FontCache::shared(), {}));
  ASSERT_EQ(images.size(), 2u);  // the noisy one kept once, as it is, for both sizes
  EXPECT_EQ(images[0].filter, "DCTDecode");
  EXPECT_EQ(images[0].width, 200);
  EXPECT_EQ(images[0].samples.substr(0, read_file(noisy.path).size()), read_file(noisy.path));
  EXPECT_EQ(images[1].filter, "");  // Flate, undone by qpdf
  EXPECT_EQ(images[1].width, 30);
  EXPECT_EQ(images[1].height, 30);
}

// A CMYK JPEG stored inverted (Adobe), with its own profile, placed far
// smaller than its pixels: averaged as ink amounts and written as Flate
// samples through its profile, without the /Decode a JPEG kept as it is has.
TEST(PdfImages, ADownsampledInvertedCmykJpegKeepsItsInk) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf reads the written file";
  const std::string path = std::string(PAIBAN_SOURCE_DIR) + "/tests/image/data/cmyk-icc.jpg";
  Document d = sample_document();
  d.pages[0].images.push_back(placed(path, 1.44, 1.08));  // 40 x 30 pixels at 2000 ppi -> 6 x 5
  const std::string pdf = write_pdf(d, FontCache::shared(), {.compress = false});
  EXPECT_EQ(pdf.find("/Decode"), std::string::npos);
  EXPECT_NE(pdf.find("/ICCBased"), std::string::npos);
  std::vector<WrittenImage> images = written_images(pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].filter, "");
  ASSERT_EQ(images[0].width, 6);
  ASSERT_EQ(images[0].height, 5);
  // The left half is pure magenta ink (0, 255, 0, 0): so is the first pixel.
  const auto* first = reinterpret_cast<const uint8_t*>(images[0].samples.data());
  EXPECT_LE(first[0], 8);
  EXPECT_GE(first[1], 247);
  EXPECT_LE(first[2], 8);
  EXPECT_LE(first[3], 8);
}

// PDF/X-1a has no transparency: a picture with alpha is flattened onto what
// it stands on. On a filled box (the itrade masthead band) that is the box's
// ink, not white paper, or the logo would print in a white square.
TEST(PdfImages, X1aFlattensOntoTheInkOfTheBoxUnderThePicture) {
  const std::string path = std::string(PAIBAN_SOURCE_DIR) + "/tests/image/data/alpha.png";
  PdfOptions x1a;
  x1a.print = true;
  x1a.standard = PdfStandard::x1a;
  // alpha.png: 20x10, (0,0) opaque red, (19,9) wholly transparent.
  auto pixel = [](const WrittenImage& image, int x, int y) {
    return image.samples.substr((static_cast<size_t>(y) * image.width + x) * 4, 4);
  };
  const std::string navy{'\xFF', '\xCC', '\x00', '\x33'};  // 1 0.8 0 0.2 in 1/255
  const std::string paper(4, '\0');

  Document on_band = with_figure(path);
  PageBox band;
  band.x = 40, band.y = 180, band.width = 200, band.height = 150;  // holds 56,200 100x100
  band.fill = Cmyk{1, 0.8, 0, 0.2};
  on_band.pages[0].boxes.push_back(band);
  auto images = written_images(write_pdf(on_band, FontCache::shared(), x1a));
  ASSERT_EQ(images.size(), 1u);
  // QDF may end a stream's data with a newline of its own.
  ASSERT_EQ(images[0].samples.size() / (20 * 10), 4u) << "not CMYK";
  EXPECT_TRUE(images[0].mask.empty());
  EXPECT_EQ(pixel(images[0], 19, 9), navy);
  EXPECT_NE(pixel(images[0], 0, 0), navy);  // the opaque red stays red

  // Without a box under it, or with one under only part of it: paper.
  for (double height : {0.0, 60.0}) {
    Document d = with_figure(path);
    if (height > 0) {
      band.height = height;  // 180..240: the picture runs past its foot
      d.pages[0].boxes.push_back(band);
    }
    images = written_images(write_pdf(d, FontCache::shared(), x1a));
    ASSERT_EQ(images.size(), 1u);
    EXPECT_EQ(pixel(images[0], 19, 9), paper) << height;
  }

  // X-4 keeps the alpha as a mask, whatever is under the picture.
  PdfOptions x4 = x1a;
  x4.standard = PdfStandard::x4;
  images = written_images(write_pdf(on_band, FontCache::shared(), x4));
  ASSERT_EQ(images.size(), 1u);
  EXPECT_FALSE(images[0].mask.empty());
}

}  // namespace
}  // namespace paiban
