// A line's baseline is placed by the em box of its style's font, read from the
// face (BASE table, else OS/2 typo metrics), not an assumed 0.88 em.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"
#include "paiban/shape.hpp"
#include "support/temp_path.hpp"

namespace paiban {
namespace {

/// default.xml with the body role's first family set to `family`.
Layout layout_with_body_family(const std::string& family) {
  std::ifstream in(std::string(PAIBAN_SOURCE_DIR) + "/layouts/default.xml");
  std::string text(std::istreambuf_iterator<char>(in), {});
  const std::string from = "<family>Noto Serif CJK SC</family>";  // the body role's
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos);
  text.replace(at, from.size(), "<family>" + family + "</family>");
  const std::string path = (test::temp_dir("em-box") / "layout.xml").string();
  std::ofstream(path) << text;
  return parse_layout_file(path);
}

/// The y of the first glyph drawing `ch` on the issue's first page with body text.
double baseline_of(const Layout& layout, char32_t ch) {
  Issue issue = parse_manifest(
      "<issue version=\"1\" date=\"2026-11-27\"><title>T</title><publisher>P</publisher>"
      "<section title=\"S\"><article><heading>H</heading><p>Quiet water runs deep.</p>"
      "</article></section></issue>",
      "em-box.xml");
  Warnings warnings;
  Document doc = paginate(issue, layout, FontCache::shared(), warnings);
  for (const Page& page : doc.pages)
    for (const PageGlyph& g : page.glyphs)
      if (g.text == std::u32string(1, ch)) return g.y;
  ADD_FAILURE() << "no glyph for the character";
  return 0;
}

TEST(EmBox, ALineInALatinFontStandsOnThatFontsEmBox) {
  FontCache& fonts = FontCache::shared();
  auto dejavu = fonts.find("DejaVu Sans", 400, "en");
  if (!dejavu) GTEST_SKIP() << "DejaVu Sans is not installed (fonts-dejavu-core)";
  const EmBox latin = fonts.info(*dejavu).em_box;
  ASSERT_EQ(latin.source, EmBox::Source::typo_metrics);

  Layout cjk = layout_with_body_family("Noto Serif CJK SC");
  Layout western = layout_with_body_family("DejaVu Sans");
  EXPECT_DOUBLE_EQ(em_box_for(western.engine.body, western, "zh-Hans", fonts).ascent, latin.ascent);
  EXPECT_DOUBLE_EQ(em_box_for(cjk.engine.body, cjk, "zh-Hans", fonts).ascent, 0.88);

  // Same line boxes (the leading), the baseline moved by the difference in
  // ascent: DejaVu's em box has less above the baseline than a CJK font's.
  const double size = western.engine.body.size;
  const double moved = baseline_of(western, U'Q') - baseline_of(cjk, U'Q');
  EXPECT_NEAR(moved, (latin.ascent - 0.88) * size, 1e-9);
  EXPECT_LT(moved, -1.0);  // more than a point higher
}

}  // namespace
}  // namespace paiban
