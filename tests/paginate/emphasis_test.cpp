// <em> is visible: emphasis dots under Han characters (clreq 3.2) for
// Chinese, a font role or bold by the layout's choice.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "linebreak/paragraphs.hpp"
#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"
#include "support/temp_path.hpp"

namespace paiban {
namespace {

Document render(const std::string& body, const Layout& layout,
                const std::string& lang = "zh-Hans") {
  const std::string manifest = "<issue version=\"1\" date=\"2026-11-27\" lang=\"" + lang +
                               "\"><title>测试</title><publisher>测试</publisher>"
                               "<section title=\"一\"><article><heading>标题</heading><p>" +
                               body + "</p></article></section></issue>";
  Issue issue = parse_manifest(manifest, "em.xml");
  Warnings warnings;
  return paginate(issue, layout, FontCache::shared(), warnings);
}

Layout default_layout() {
  return parse_layout_file(std::string(PAIBAN_SOURCE_DIR) + "/layouts/default.xml");
}

/// The page holding `text`'s first character, and that glyph.
const PageGlyph* find_glyph(const Document& doc, char32_t c, const Page** on) {
  for (const Page& page : doc.pages)
    for (const PageGlyph& g : page.glyphs)
      if (g.text == std::u32string(1, c)) {
        *on = &page;
        return &g;
      }
  return nullptr;
}

TEST(Emphasis, DotsUnderEachHanCharacterNotUnderPunctuation) {
  // 着重 and 号 are emphasised, so is the comma between them and the Latin "ok".
  Document doc = render("前文<em>着重，号ok</em>后文。", default_layout());
  const Page* page = nullptr;
  const PageGlyph* first = find_glyph(doc, U'着', &page);
  ASSERT_TRUE(first);
  ASSERT_EQ(page->dots.size(), 3u);  // 着 重 号: not the comma, not o, not k
  const PageDot& dot = page->dots[0];
  EXPECT_NEAR(dot.x, first->x + first->advance / 2, 0.01);
  EXPECT_NEAR(dot.y, first->y + 0.28 * first->size, 0.01);
  EXPECT_NEAR(dot.radius, 0.075 * first->size, 0.001);
  const PageGlyph* after = find_glyph(doc, U'后', &page);
  for (const PageDot& d : page->dots) EXPECT_LT(d.x, after->x);  // none under 后文
}

TEST(Emphasis, OtherLanguagesAndLayoutChoices) {
  // English: bold by default, no dots.
  Document english = render("plain <em>stressed</em> words", default_layout(), "en");
  size_t dots = 0;
  for (const Page& page : english.pages) dots += page.dots.size();
  EXPECT_EQ(dots, 0u);
  std::set<FaceId> faces;
  for (const Page& page : english.pages)
    for (const PageGlyph& g : page.glyphs)
      if (g.text == U"s" || g.text == U"p") faces.insert(g.face);
  EXPECT_EQ(faces.size(), 2u);  // regular "plain", bold "stressed"

  // A layout asking for a font role: <em> takes that role's faces.
  std::string text;
  {
    std::ifstream in(std::string(PAIBAN_SOURCE_DIR) + "/layouts/default.xml");
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string role =
      "<font role=\"kai\"><family>Noto Sans CJK SC</family></font>\n"
      "<emphasis style=\"font\" font=\"kai\"/>\n";
  text.insert(text.find("<style "), role);
  const std::string path = (test::temp_dir("emphasis") / "layout.xml").string();
  std::ofstream(path) << text;
  Layout with_font = parse_layout_file(path);
  EXPECT_EQ(with_font.emphasis.kind, EmphasisKind::font);
  Document doc = render("前文<em>着重</em>后文。", with_font);
  const Page* page = nullptr;
  const PageGlyph* plain = find_glyph(doc, U'前', &page);
  const PageGlyph* stressed = find_glyph(doc, U'着', &page);
  ASSERT_TRUE(plain && stressed);
  EXPECT_NE(plain->face, stressed->face);
  EXPECT_EQ(FontCache::shared().info(stressed->face).family, "Noto Sans CJK SC");
  EXPECT_TRUE(page->dots.empty());
}

}  // namespace
}  // namespace paiban
