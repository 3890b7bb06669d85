// The layouts shipped in layouts/: they load and define what the engine needs.
#include <gtest/gtest.h>

#include <algorithm>

#include "layout/required_styles.hpp"
#include "paiban/layout.hpp"

namespace paiban {
namespace {

std::string layout_file(const std::string& name) {
  return std::string(PAIBAN_SOURCE_DIR) + "/layouts/" + name + ".xml";
}


class LayoutShipped : public ::testing::TestWithParam<std::string> {};

TEST_P(LayoutShipped, DefinesEveryRequiredStyleAndCoverStyle) {
  Layout layout = parse_layout_file(layout_file(GetParam()));
  EXPECT_EQ(layout.name, GetParam());
  for (std::string_view key : required_styles) {
    EXPECT_NO_THROW(layout.style(std::string(key))) << key;
  }
  ASSERT_FALSE(layout.cover.empty());
  for (const CoverItem& item : layout.cover)
    if (item.kind == CoverItem::Kind::text) EXPECT_NO_THROW(layout.style(item.style));
  for (const auto& [name, style] : layout.styles) EXPECT_TRUE(layout.fonts.count(style.font)) << name;
  // Body text is pure K black (the designed layouts colour titles, not text).
  const Cmyk& text = layout.style("body").color;
  EXPECT_EQ(text.c + text.m + text.y, 0);
  EXPECT_EQ(text.k, 1);
  for (const auto& [role, font] : layout.fonts) {
    ASSERT_FALSE(font.fallback.empty()) << role;
    EXPECT_TRUE(font.fallback.back() == "DejaVu Sans" || font.fallback.back() == "DejaVu Serif")
        << role;
  }
  EXPECT_NE(layout.footer.center.at(0).text.find("{page}"), std::string::npos);
  // Either layout sets a zh-Hans issue's contents and sources the same way.
  EXPECT_EQ(layout.wording_for("zh-Hans").contents_title, "目录");
  EXPECT_EQ(layout.wording_for("zh-Hans").source_label, "来源：");
}

// The engine's own styles are resolved when the layout is read: each is the
// named style, with everything based-on gave it.
TEST_P(LayoutShipped, ResolvesTheEnginesStyles) {
  Layout layout = parse_layout_file(layout_file(GetParam()));
  const std::pair<const TextStyle*, const char*> resolved[] = {
      {&layout.engine.section, "section"},
      {&layout.engine.heading, "heading"},
      {&layout.engine.subheading, "subheading"},
      {&layout.engine.body, "body"},
      {&layout.engine.source, "source"},
      {&layout.engine.list, "list"},
      {&layout.engine.quote, "quote"},
      {&layout.engine.caption, "caption"},
      {&layout.engine.field, "field"},
      {&layout.engine.backmatter_heading, "backmatter-heading"}};
  for (const auto& [style, name] : resolved) {
    const TextStyle& named = layout.style(name);
    EXPECT_EQ(style->font, named.font) << name;
    EXPECT_DOUBLE_EQ(style->size, named.size) << name;
    EXPECT_DOUBLE_EQ(style->leading, named.leading) << name;
    EXPECT_EQ(style->align, named.align) << name;
    EXPECT_DOUBLE_EQ(style->first_indent_em, named.first_indent_em) << name;
    EXPECT_EQ(style->bold, named.bold) << name;
  }
  EXPECT_NE(layout.engine.section.size, layout.engine.body.size);  // not all one default
}

// The default layout leaves the wording to the issue's language.
TEST(LayoutDefault, WordingFollowsTheIssuesLanguage) {
  Layout layout = parse_layout_file(layout_file("default"));
  EXPECT_EQ(layout.wording_for("zh-Hant").source_label, "來源：");
  EXPECT_EQ(layout.wording_for("zh-Hant").contents_title, "目錄");
  EXPECT_EQ(layout.wording_for("zh-TW").contents_title, "目錄");
  EXPECT_EQ(layout.wording_for("ja").source_label, "出典：");
  EXPECT_EQ(layout.wording_for("ja").contents_title, "目次");
  EXPECT_EQ(layout.wording_for("en").contents_title, "Contents");
  EXPECT_EQ(layout.wording_for("zh-Hans").date_format, "{yyyy}年{m}月{d}日");
  // The issue's number is on the front page, under its date.
  ASSERT_GE(layout.cover.size(), 2u);
  EXPECT_EQ(layout.cover[layout.cover.size() - 2].text, "{date}");
  EXPECT_EQ(layout.cover.back().text, "{number}");
}

INSTANTIATE_TEST_SUITE_P(Layouts, LayoutShipped,
                         ::testing::Values("itrade", "default", "literary-hant"));

TEST(LayoutItrade, KeepsThePrintedNewslettersTextAndAddsItsDesign) {
  Layout layout = parse_layout_file(layout_file("itrade"));
  EXPECT_NEAR(layout.page.width, 595.276, 0.01);
  EXPECT_NEAR(layout.page.height, 841.89, 0.01);
  EXPECT_NEAR(layout.page.bleed, 8.504, 0.01);

  const TextStyle& body = layout.style("body");
  EXPECT_EQ(layout.fonts.at(body.font).families.at(0), "Noto Serif CJK SC");
  EXPECT_DOUBLE_EQ(body.size, 10.5);
  EXPECT_DOUBLE_EQ(body.leading, 18);
  EXPECT_EQ(body.align, Align::justify);
  EXPECT_DOUBLE_EQ(body.first_indent_em, 2);
  const FontRole& heading = layout.fonts.at(layout.style("heading").font);
  EXPECT_EQ(heading.families.at(0), "Noto Sans CJK SC");
  EXPECT_EQ(heading.weight, 700);
  EXPECT_EQ(layout.fonts.at(layout.style("section").font).weight, 700);
  // based-on copies, then overrides.
  EXPECT_DOUBLE_EQ(layout.style("list").size, 10.5);
  EXPECT_DOUBLE_EQ(layout.style("list").first_indent_em, 0);
  EXPECT_TRUE(layout.style("field-label").bold);

  // The redesigned cover: a navy band with the logo, the wordmark, the issue's fields.
  std::vector<std::string> texts;
  for (const CoverItem& item : layout.cover)
    if (item.kind == CoverItem::Kind::text) texts.push_back(item.text);
  ASSERT_GE(texts.size(), 5u);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "{title}"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "{organization}"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "{publisher}"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "{date}"), texts.end());
  EXPECT_EQ(layout.cover[0].kind, CoverItem::Kind::image);
  EXPECT_EQ(layout.cover[0].image.width, 400);
  ASSERT_FALSE(layout.cover_bands.empty());
  EXPECT_EQ(layout.cover_bands[0].color, layout.colors.at("navy"));
  EXPECT_EQ(layout.style("section").color, layout.colors.at("navy"));
  EXPECT_TRUE(layout.cover_page_alone);
  EXPECT_FALSE(layout.furniture_on_first_page);
  EXPECT_EQ(layout.any_language.date_format, "{yyyy}年{mm}月{dd}日");

  ASSERT_EQ(layout.header.left.size(), 2u);
  EXPECT_EQ(layout.header.left[0].text, "天地纵横");
  EXPECT_EQ(layout.header.left[1].text, "iTrade");
  ASSERT_EQ(layout.header.right.size(), 2u);
  EXPECT_EQ(layout.header.right[0].text, "最可依赖的贸易合规事务专家");
  EXPECT_EQ(layout.header.right[0].align, Align::end);
  EXPECT_EQ(layout.header.right[1].text, "最高水准的涉外综合服务团队");
  EXPECT_GT(layout.header.rule_width, 0);
  EXPECT_EQ(layout.header.rule_color, layout.colors.at("signal"));
  ASSERT_EQ(layout.footer.center.size(), 1u);
  EXPECT_EQ(layout.footer.center[0].align, Align::center);
  EXPECT_EQ(layout.contents.entry_styles, (std::vector<std::string>{"toc-1", "toc-2", "toc-3"}));
}

TEST(LayoutDefault, NeutralHeaderAndFooter) {
  Layout layout = parse_layout_file(layout_file("default"));
  EXPECT_EQ(layout.header.left.at(0).text, "{title}");
  EXPECT_EQ(layout.header.right.at(0).text, "{date}");
  EXPECT_EQ(layout.fonts.at("body").families.at(0), "Noto Serif CJK SC");
  EXPECT_EQ(layout.fonts.at("body").fallback.at(0), "Noto Sans CJK SC");
}

TEST(LayoutStyle, MissingStyleNamesIt) {
  Layout layout;
  layout.name = "x";
  try {
    layout.style("nope");
    FAIL();
  } catch (const std::out_of_range& error) {
    EXPECT_NE(std::string(error.what()).find("\"nope\""), std::string::npos);
  }
}

}  // namespace
}  // namespace paiban
