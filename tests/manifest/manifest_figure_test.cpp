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
  ASSERT_TRUE(png.figure_width);
  EXPECT_DOUBLE_EQ(*png.figure_width, 0.5);
  EXPECT_EQ(plain_text(png.text), "图 1");
  Block jpeg = figure("<figure src=\"img/../img/photo.jpg\"/>");
  EXPECT_EQ(jpeg.figure_path, (dir_ / "img/photo.jpg").string());
  EXPECT_FALSE(jpeg.figure_width);  // the layout says how wide
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

// Project extensions: place, span and credit.
TEST_F(ManifestFigure, PlaceSpanAndCredit) {
  Block plain = figure("<figure src=\"img/photo.png\"/>");
  EXPECT_EQ(plain.figure_place, FigurePlace::here);
  EXPECT_EQ(plain.figure_span, FigureSpan::column);
  EXPECT_EQ(plain.figure_credit, "");
  Block top = figure("<figure src=\"img/photo.png\" place=\" top \" span=\"all\" "
                     "credit=\"  摄影： \n 张三 \"/>");
  EXPECT_EQ(top.figure_place, FigurePlace::top);
  EXPECT_EQ(top.figure_span, FigureSpan::all);
  EXPECT_EQ(top.figure_credit, "摄影：张三");
  Block bottom = figure("<figure src=\"img/photo.png\" place=\"bottom\" span=\"bleed\"/>");
  EXPECT_EQ(bottom.figure_place, FigurePlace::bottom);
  EXPECT_EQ(bottom.figure_span, FigureSpan::bleed);
}

TEST_F(ManifestFigure, PlaceSpanAndCreditErrors) {
  std::string file = (dir_ / "a.xml").string();
  EXPECT_NE(error("<figure src=\"img/photo.png\" place=\"left\"/>").find(file + ":5:58: "),
            std::string::npos);
  EXPECT_NE(error("<figure src=\"img/photo.png\" place=\"left\"/>").find("\"left\""),
            std::string::npos);
  EXPECT_NE(error("<figure src=\"img/photo.png\" span=\"page\"/>").find(file + ":5:58: "),
            std::string::npos);
  EXPECT_EQ(error("<figure src=\"img/photo.png\" span=\"bleed\" width=\"0.5\"/>"),
            file + ":5:71: figure width has no effect with span=\"bleed\" (the picture is as "
                   "wide as the page)");
  EXPECT_EQ(error("<figure src=\"img/photo.png\" size=\"big\"/>").substr(0, file.size() + 7),
            file + ":5:58: ");
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
                ":5:58: figure width must be a fraction of the measure, more than 0 and at "
                "most 1, not \"1.5\"");
  EXPECT_EQ(error("<figure src=\"img/header-only.png\"/>"),
            file + ":5:30: image " + (dir_ / "img/header-only.png").string() +
                " cannot be used: Read Error");
  EXPECT_EQ(error("<figure src=\"img/photo.png\"><caption/><caption/></figure>"),
            file + ":5:68: <figure> has at most one <caption>");
}

}  // namespace
}  // namespace paiban
