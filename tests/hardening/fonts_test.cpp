// Fonts: a family the layout names that is not installed is an error naming
// the family and, where known, the Debian package; a character no font has is
// a warning with the character and its FILE:LINE, an error with --werror.
#include <gtest/gtest.h>

#include <algorithm>

#include "hardening_support.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"

namespace paiban::hardening {
namespace {

namespace fs = std::filesystem;

/// A layout like default.xml whose body role's first <family> is `family`.
std::string layout_with_body_family(const std::string& family) {
  std::string layout = test::read_file(test::source_path("layouts/default.xml"));
  const std::string noto = "<family>Noto Serif CJK SC</family>";
  layout.replace(layout.find(noto), noto.size(), "<family>" + family + "</family>");
  return layout;
}

/// ":LINE" of the body role's <font> element in default.xml.
std::string body_font_line() {
  std::string layout = test::read_file(test::source_path("layouts/default.xml"));
  size_t at = layout.find("<font role=\"body\"");
  return ":" + std::to_string(1 + std::count(layout.begin(), layout.begin() + at, '\n'));
}

class HardeningFonts : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::temp_dir(std::string("fonts-") +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { fs::remove_all(dir_); }
  BoundedRun render(const std::string& body, const std::string& layout,
                    std::vector<std::string> extra = {}) {
    write_file(dir_ / "house.xml", layout);
    write_file(dir_ / "issue.xml", manifest(body, " layout=\"house.xml\""));
    std::vector<std::string> args = {"render", (dir_ / "issue.xml").string(), "-o", out()};
    args.insert(args.end(), extra.begin(), extra.end());
    return paiban_bounded(args, 60 * kTimeScale);
  }
  std::string out() const { return (dir_ / "out.pdf").string(); }
  std::string layout_path() const { return (dir_ / "house.xml").string(); }
  fs::path dir_;
};

const std::string kArticle =
    "<section title=\"栏\"><article><heading>文章</heading><p>正文。</p></article></section>";

TEST_F(HardeningFonts, AMissingFamilyNamesItsDebianPackage) {
  // fonts-wqy-microhei is not among the packages paiban installs.
  ASSERT_FALSE(FontCache::shared().find("WenQuanYi Micro Hei", 400, "zh-Hans"))
      << "this test needs a machine without fonts-wqy-microhei";
  auto run = render(kArticle, layout_with_body_family("WenQuanYi Micro Hei"));
  EXPECT_EQ(run.exit_code, 2) << describe(run);
  // The <font role="body"> element of default.xml is at line 12, column 3.
  EXPECT_NE(run.output.find(layout_path() +
                            body_font_line() + ":3: error: font family \"WenQuanYi Micro Hei\" (role \"body\") is "
                            "not installed; it is in the Debian package fonts-wqy-microhei "
                            "(apt-get install fonts-wqy-microhei)"),
            std::string::npos)
      << describe(run);
  EXPECT_FALSE(fs::exists(out()));
}

TEST_F(HardeningFonts, AnUnknownFamilyPointsAtFcList) {
  auto run = render(kArticle, layout_with_body_family("No Such Family 9"));
  EXPECT_EQ(run.exit_code, 2) << describe(run);
  EXPECT_NE(run.output.find(layout_path() +
                            body_font_line() + ":3: error: font family \"No Such Family 9\" (role \"body\") is not "
                            "installed; 'fc-list : family' lists the installed families"),
            std::string::npos)
      << describe(run);
  EXPECT_FALSE(fs::exists(out()));
}

TEST_F(HardeningFonts, AMissingFallbackIsOnlySkipped) {
  std::string layout = test::read_file(test::source_path("layouts/default.xml"));
  const std::string fallback = "<fallback>Noto Sans CJK SC</fallback>";
  layout.replace(layout.find(fallback), fallback.size(), "<fallback>No Such Family 9</fallback>");
  auto run = render(kArticle, layout);
  EXPECT_EQ(run.exit_code, 0) << describe(run);
}

TEST_F(HardeningFonts, PaginateRefusesAMissingFamilyInProcess) {
  Layout layout = parse_layout_file(test::source_path("layouts/default.xml"));
  layout.fonts["heading"].families = {"No Such Family 9"};
  Issue issue = parse_manifest(manifest(kArticle), "m.xml");
  Warnings warnings;
  try {
    paginate(issue, layout, FontCache::shared(), warnings);
    FAIL() << "paginate set an issue in a family that is not installed";
  } catch (const InputError& error) {
    EXPECT_EQ(error.where().file, test::source_path("layouts/default.xml"));
    EXPECT_GT(error.where().line, 0);
    EXPECT_NE(error.message().find("\"No Such Family 9\" (role \"heading\")"), std::string::npos)
        << error.what();
  }
}

// U+E000 (private use) and U+10FFFD: no installed font has them.
TEST_F(HardeningFonts, ACharacterNoFontHasIsAWarningWithItsLineAndAnErrorWithWerror) {
  std::string body =
      "<section title=\"栏\"><article><heading>文章</heading>\n"
      "<p>前文\xEE\x80\x80后文</p>\n"
      "<p>\xF4\x8F\xBF\xBD</p></article></section>";
  std::string layout = test::read_file(test::source_path("layouts/default.xml"));
  auto run = render(body, layout);
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  std::string manifest_path = (dir_ / "issue.xml").string();
  // The manifest: line 4 opens the section, the paragraphs are on lines 5 and 6.
  EXPECT_NE(run.output.find(manifest_path + ":5:"), std::string::npos) << describe(run);
  EXPECT_NE(run.output.find("U+E000"), std::string::npos) << describe(run);
  EXPECT_NE(run.output.find(manifest_path + ":6:"), std::string::npos) << describe(run);
  EXPECT_NE(run.output.find("U+10FFFD"), std::string::npos) << describe(run);
  EXPECT_NE(run.output.find("[missing-glyph]"), std::string::npos) << describe(run);
  EXPECT_TRUE(fs::exists(out()));
  fs::remove(out());

  auto strict = render(body, layout, {"--werror"});
  EXPECT_EQ(strict.exit_code, 2) << describe(strict);
  EXPECT_NE(strict.output.find(manifest_path + ":5:"), std::string::npos) << describe(strict);
  EXPECT_NE(strict.output.find("(warnings are errors)"), std::string::npos) << describe(strict);
  EXPECT_FALSE(fs::exists(out()));
}

// The warning names the line and column of the character itself, in a
// paragraph written over several lines of the manifest.
TEST_F(HardeningFonts, TheMissingGlyphWarningPointsAtTheCharacter) {
  std::string body =
      "<section title=\"栏\"><article><heading>文章</heading>\n"
      "<p>第一行文字，\n"
      "第二行文字，\n"
      "  第三行有\xEE\x80\x80字。</p></article></section>";
  std::string layout = test::read_file(test::source_path("layouts/default.xml"));
  auto run = render(body, layout);
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  std::string manifest_path = (dir_ / "issue.xml").string();
  EXPECT_NE(run.output.find(manifest_path + ":7:7: warning: no installed font has U+E000"),
            std::string::npos)
      << describe(run);
}

// A heading's character is also set on the contents page; that warning too
// points at the character in the heading, not at the heading's start.
TEST_F(HardeningFonts, AContentsEntrysMissingGlyphPointsAtTheCharacter) {
  std::string body =
      "<toc/>\n"
      "<section title=\"栏\"><article>\n"
      "<heading>文章有\xEE\x80\x80字</heading><p>正文。</p></article></section>";
  std::string layout = test::read_file(test::source_path("layouts/default.xml"));
  auto run = render(body, layout);
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  const std::string at_character =
      (dir_ / "issue.xml").string() + ":6:13: warning: no installed font has U+E000";
  auto occurrences = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = run.output.find(needle); at != std::string::npos;
         at = run.output.find(needle, at + 1))
      ++n;
    return n;
  };
  const size_t warnings = occurrences("U+E000");
  EXPECT_GE(warnings, 2u) << "the heading and its contents entry: " << describe(run);
  EXPECT_EQ(occurrences(at_character), warnings) << describe(run);
}

}  // namespace
}  // namespace paiban::hardening
