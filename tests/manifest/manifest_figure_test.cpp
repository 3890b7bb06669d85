// figure/@src: resolved against the manifest's directory, checked by magic bytes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "manifest_test_support.hpp"

namespace paiban {
namespace {

namespace fs = std::filesystem;

class ManifestFigure : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("paiban-figure-" + std::to_string(getpid()));
    fs::create_directories(dir_ / "img");
    const fs::path data = fs::path(PAIBAN_SOURCE_DIR) / "tests/image/data";
    fs::copy_file(data / "alpha.png", dir_ / "img/photo.png");
    fs::copy_file(data / "cmyk-icc.jpg", dir_ / "img/photo.jpg");
    write("img/header-only.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    write("img/fake.png", "GIF89a....");
    write("outside.png", std::string("\x89PNG\r\n\x1a\n", 8));
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }

  /// Parses an article holding `figure`, as if the manifest were dir_/issues/a.xml
  /// (`manifest_dir` under dir_).
  std::string error(const std::string& figure, const std::string& manifest_dir = "") {
    return testing::parse_error(
        testing::manifest_with_article("<article><heading>H</heading>" + figure + "</article>"),
        (dir_ / manifest_dir / "a.xml").string());
  }

  Block figure(const std::string& figure) {
    return parse_manifest(testing::manifest_with_article("<article><heading>H</heading>" + figure +
                                                         "</article>"),
                          (dir_ / "a.xml").string())
        .sections[0]
        .articles[0]
        .blocks[0];
  }

  fs::path dir_;
};

TEST_F(ManifestFigure, PngAndJpegResolvedAgainstTheManifest) {
  Block png =
      figure("<figure src=\"img/photo.png\" width=\"0.5\"><caption>图 1</caption></figure>");
  EXPECT_EQ(png.kind, BlockKind::figure);
  EXPECT_EQ(png.figure_path, (dir_ / "img/photo.png").string());
  EXPECT_DOUBLE_EQ(png.figure_width, 0.5);
  EXPECT_EQ(plain_text(png.text), "图 1");
  Block jpeg = figure("<figure src=\"img/../img/photo.jpg\"/>");
  EXPECT_EQ(jpeg.figure_path, (dir_ / "img/photo.jpg").string());
  EXPECT_DOUBLE_EQ(jpeg.figure_width, 1.0);
}

// The file is read once, here, into facts the later stages use.
TEST_F(ManifestFigure, TheFigureIsReadIntoFacts) {
  Block png = figure("<figure src=\"img/photo.png\"/>");
  EXPECT_EQ(png.figure.path, png.figure_path);
  EXPECT_EQ(png.figure.width, 20);
  EXPECT_EQ(png.figure.height, 10);
  EXPECT_TRUE(png.figure.alpha);
  Block jpeg = figure("<figure src=\"img/photo.jpg\"/>");
  EXPECT_EQ(jpeg.figure.colour, ImageColour::cmyk);
  EXPECT_FALSE(jpeg.figure.icc.empty());
}

TEST_F(ManifestFigure, AltTextIsKeptFolded) {
  Block described = figure("<figure src=\"img/photo.png\" alt=\"  港口 \n  的 集装箱  \"/>");
  EXPECT_EQ(described.figure_alt, "港口的集装箱");
  Block latin = figure("<figure src=\"img/photo.png\" alt=\"A  container\n port\"/>");
  EXPECT_EQ(latin.figure_alt, "A container port");
  EXPECT_EQ(figure("<figure src=\"img/photo.png\"/>").figure_alt, "");
}

TEST_F(ManifestFigure, Errors) {
  std::string file = (dir_ / "a.xml").string();
  EXPECT_EQ(error("<figure/>"), file + ":5:30: <figure> needs a src attribute");
  EXPECT_EQ(error("<figure src=\"img/none.png\"/>"),
            file + ":5:38: figure file not found: " + (dir_ / "img/none.png").string());
  EXPECT_EQ(error("<figure src=\"img/fake.png\"/>"),
            file + ":5:38: figure is not a PNG or JPEG file: " + (dir_ / "img/fake.png").string());
  EXPECT_EQ(error("<figure src=\"/etc/passwd\"/>"),
            file + ":5:38: figure src must be relative to the manifest's directory: /etc/passwd");
  EXPECT_EQ(error("<figure src=\"../outside.png\"/>", "img"),
            (dir_ / "img/a.xml").string() +
                ":5:38: figure src leaves the manifest's directory: ../outside.png");
  EXPECT_EQ(error("<figure src=\"img/photo.png\" width=\"1.5\"/>"),
            file +
                ":5:58: figure width must be a fraction of the text width, more than 0 and at "
                "most 1, not \"1.5\"");
  EXPECT_EQ(error("<figure src=\"img/header-only.png\"/>"),
            file + ":5:30: image " + (dir_ / "img/header-only.png").string() +
                " cannot be used: Read Error");
  EXPECT_EQ(error("<figure src=\"img/photo.png\"><caption/><caption/></figure>"),
            file + ":5:68: <figure> has at most one <caption>");
}

}  // namespace
}  // namespace paiban
