// <span lang> in inline content (docs/manifest.md "Language of a span"): the
// runs inside carry the language; a tag that is not BCP 47 is an error at
// the attribute.
#include <gtest/gtest.h>

#include "input/attribute_values.hpp"
#include "manifest_test_support.hpp"

namespace paiban {
namespace {

using testing::manifest_with_article;
using testing::parse_error;

using testing::paragraph_error;
using testing::paragraph_runs;

TEST(ManifestSpan, RunsInsideCarryTheLanguage) {
  InlineText runs = paragraph_runs(
      "用<span lang=\"en\">line <strong>breaking</strong></span>，"
      "<span lang=\" en-GB \">colour <span lang=\"fr\">couleur</span> hue</span>"
      "<a href=\"https://example.org/\"><span "
      "lang=\"ja\"><ruby>改行<rt>かいぎょう</rt></ruby></span></a>");
  ASSERT_EQ(runs.size(), 8u);
  EXPECT_EQ(runs[0].text, "用");
  EXPECT_EQ(runs[0].lang, "");
  EXPECT_EQ(runs[1].text, "line ");
  EXPECT_EQ(runs[1].lang, "en");
  EXPECT_EQ(runs[2].text, "breaking");
  EXPECT_TRUE(runs[2].strong);
  EXPECT_EQ(runs[2].lang, "en");
  EXPECT_EQ(runs[3].text, "，");
  EXPECT_EQ(runs[3].lang, "");
  EXPECT_EQ(runs[4].lang, "en-GB");  // token value: trimmed
  EXPECT_EQ(runs[5].text, "couleur");
  EXPECT_EQ(runs[5].lang, "fr");  // the innermost span
  EXPECT_EQ(runs[6].text, " hue");
  EXPECT_EQ(runs[6].lang, "en-GB");
  EXPECT_EQ(runs[7].text, "改行");
  EXPECT_EQ(runs[7].ruby, "かいぎょう");
  EXPECT_EQ(runs[7].lang, "ja");
  EXPECT_EQ(runs[7].href, "https://example.org/");
  // Plain text (contents, bookmarks) is unchanged by spans.
  EXPECT_EQ(plain_text(runs), "用line breaking，colour couleur hue改行");
}

TEST(ManifestSpan, ABadLanguageTagIsAnErrorAtTheAttribute) {
  // <p> content starts at column 33 of line 5; the attribute's name after "前<span ".
  EXPECT_EQ(paragraph_error("前<span lang=\"en_GB\">x</span>"),
            "t.xml:5:40: lang \"en_GB\" is not a BCP 47 language tag (e.g. en, ja, zh-Hant, "
            "en-GB)");
  EXPECT_EQ(paragraph_error("前<span lang=\"\">x</span>"),
            "t.xml:5:40: lang \"\" is not a BCP 47 language tag (e.g. en, ja, zh-Hant, en-GB)");
  EXPECT_EQ(paragraph_error("前<span>x</span>"),
            "t.xml:5:34: <span> needs a lang attribute (a language tag such as en or ja)");
  EXPECT_NE(paragraph_error("<span lang=\"en\" class=\"term\">x</span>").find("class"),
            std::string::npos);
  const std::string long_tag =
      "en-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abcdefgh";  // 65, else well-formed
  EXPECT_EQ(paragraph_error("<span lang=\"" + long_tag + "\">x</span>"),
            "t.xml:5:39: lang is 65 characters long; a language tag has at most 64");
  // Only in inline content.
  EXPECT_EQ(parse_error(manifest_with_article(
                "<article><heading>H</heading><span lang=\"en\">x</span></article>")),
            "t.xml:5:30: <span> is not allowed in <article>");
}

TEST(LanguageTag, WellFormedBcp47) {
  for (const char* good : {"en", "ja", "zh-Hans", "zh-Hant-TW", "en-GB", "es-419", "de-CH-1996",
                           "sl-rozaj-biske", "sr-Latn-RS", "zh-yue-HK", "en-a-bbb-x-a-ccc",
                           "x-house", "en-GB-x-house", "ZH-hant", "haw"})
    EXPECT_TRUE(is_bcp47_tag(good)) << good;
  for (const char* bad : {"", "e", "en_GB", "en-", "-en", "en--GB", "englishes", "1en", "en-a",
                          "en-a-x", "x", "x-", "en-x-toolongsubtag", "zh-Hans-Hant-TW-abc",
                          "en-GB-1", "ja-JP-jp", "中文", "en GB"})
    EXPECT_FALSE(is_bcp47_tag(bad)) << bad;
  EXPECT_FALSE(is_bcp47_tag("en" + std::string(63, 'a')));
}

}  // namespace
}  // namespace paiban
