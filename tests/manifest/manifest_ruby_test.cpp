// <ruby> in inline content (docs/manifest.md "Ruby"): the base becomes one
// run carrying its annotation; every malformed ruby is FILE:LINE:COLUMN.
#include <gtest/gtest.h>

#include "manifest_test_support.hpp"

namespace paiban {
namespace {

using testing::paragraph_error;
using testing::paragraph_runs;

TEST(ManifestRuby, BaseIsOneRunWithItsAnnotation) {
  InlineText runs = paragraph_runs(
      "御<ruby>釈迦<rt>しゃか</rt></ruby>様は<ruby> 蓮 <rp>（</rp><rt> はす "
      "</rt><rp>）</rp></ruby>池の<strong><ruby>縁<rt>ふち</rt></ruby></strong>");
  ASSERT_EQ(runs.size(), 6u);
  EXPECT_EQ(runs[0].text, "御");
  EXPECT_EQ(runs[1].text, "釈迦");
  EXPECT_EQ(runs[1].ruby, "しゃか");
  EXPECT_EQ(runs[1].where.line, 5);
  EXPECT_EQ(runs[1].where.column, 34);  // the <ruby>, after 御 at column 33
  EXPECT_EQ(runs[2].ruby, "");
  EXPECT_EQ(runs[3].text, "蓮");  // white space at the ends dropped, <rp> skipped
  EXPECT_EQ(runs[3].ruby, "はす");
  EXPECT_EQ(runs[5].text, "縁");
  EXPECT_TRUE(runs[5].strong);
  EXPECT_EQ(runs[5].ruby, "ふち");
  // The plain text (contents, outlines, metadata) is the base's.
  EXPECT_EQ(plain_text(runs), "御釈迦様は蓮池の縁");
}

TEST(ManifestRuby, MalformedRubyIsAnErrorAtItsPosition) {
  EXPECT_EQ(paragraph_error("<ruby>漢</ruby>"),
            "t.xml:5:33: <ruby> needs an <rt> with its annotation");
  EXPECT_EQ(paragraph_error("<ruby><rt>かん</rt></ruby>"),
            "t.xml:5:33: <ruby> has no base text before its <rt>");
  EXPECT_EQ(paragraph_error("<ruby>漢<rt> </rt></ruby>"), "t.xml:5:40: <rt> is empty");
  EXPECT_EQ(paragraph_error("<ruby>漢<rt>かん</rt><rt>から</rt></ruby>"),
            "t.xml:5:51: <ruby> has more than one <rt>");
  EXPECT_EQ(paragraph_error("<ruby>漢<rt>かん</rt>字</ruby>"),
            "t.xml:5:51: <ruby> has its base before its <rt>, not after");
  EXPECT_EQ(paragraph_error("<ruby><em>漢</em><rt>かん</rt></ruby>"),
            "t.xml:5:39: <ruby> holds text and one <rt>, not <em>");
  EXPECT_EQ(paragraph_error("<ruby>漢<rt><strong>かん</strong></rt></ruby>"),
            "t.xml:5:44: <rt> takes text only, not <strong>");
  EXPECT_EQ(paragraph_error("漢<rt>かん</rt>"), "t.xml:5:34: <rt> is not allowed in <p>");
  EXPECT_NE(paragraph_error("<ruby class=\"x\">漢<rt>かん</rt></ruby>").find("class"),
            std::string::npos);
}

}  // namespace
}  // namespace paiban
