#include "pdf/font_subset.hpp"

#include <gtest/gtest.h>
#include <hb.h>

#include "pdf/cff_charset.hpp"
#include "pdf/font_embedding.hpp"
#include "pdf_test_support.hpp"

namespace paiban {
namespace {

TEST(PdfFontSubset, NotoCjkCodesAreOriginalGlyphIds) {
  // In the Noto CJK collections CID = original GID, and hb-subset keeps CIDs:
  // the code written for a glyph is its original id.
  FontCache& fonts = FontCache::shared();
  FaceId face = pdf_test::noto_serif();
  std::set<uint32_t> glyphs;
  for (char32_t ch : std::u32string(U"排版测试，。Hello")) glyphs.insert(fonts.glyph_for(face, ch));
  pdf::FontSubset subset = pdf::subset_face(fonts, face, glyphs);
  EXPECT_TRUE(subset.cff);
  EXPECT_TRUE(subset.cid_keyed);
  for (uint32_t g : glyphs) EXPECT_EQ(subset.code_of.at(g), g);
  EXPECT_EQ(subset.width_of.at(subset.code_of.at(fonts.glyph_for(face, U'排'))), 1000);
  // The subset is small: a few glyphs, not megabytes.
  EXPECT_LT(subset.program.size(), 20000u);
  pdf::CffCharset charset = pdf::read_cff_charset(subset.program);
  std::string cids;
  for (auto c : charset.cids) cids += std::to_string(c) + " ";
  std::string wanted;
  for (auto g : glyphs) wanted += std::to_string(g) + " ";
  // Exactly the glyphs and .notdef: the subset is cut from the CFF alone, so
  // no variation-selector alternate comes in through the cmap (format 14).
  std::set<uint32_t> kept = glyphs;
  kept.insert(0);
  EXPECT_EQ(charset.cids.size(), kept.size()) << cids << " / " << wanted;
  EXPECT_EQ(std::set<uint32_t>(charset.cids.begin(), charset.cids.end()), kept);
}

TEST(PdfFontSubset, TagIsDeterministicAndDependsOnGlyphs) {
  std::string a = pdf::subset_tag("Face", {1, 2, 3});
  EXPECT_EQ(a, pdf::subset_tag("Face", {1, 2, 3}));
  EXPECT_NE(a, pdf::subset_tag("Face", {1, 2, 4}));
  ASSERT_EQ(a.size(), 6u);
  for (char c : a) EXPECT_TRUE(c >= 'A' && c <= 'Z');
}

TEST(PdfFontSubset, TrueTypeCodesAreNewGlyphIds) {
  FontCache& fonts = FontCache::shared();
  auto face = fonts.find("DejaVu Sans", 400, "en");
  if (!face) GTEST_SKIP() << "DejaVu Sans not installed";
  std::set<uint32_t> glyphs = {fonts.glyph_for(*face, U'A'), fonts.glyph_for(*face, U'z')};
  pdf::FontSubset subset = pdf::subset_face(fonts, *face, glyphs);
  EXPECT_FALSE(subset.cff);
  std::set<uint16_t> codes;
  for (auto [g, code] : subset.code_of) codes.insert(code);
  EXPECT_EQ(codes, (std::set<uint16_t>{1, 2})) << "renumbered after .notdef";
  EXPECT_EQ(subset.program.substr(0, 4), std::string("\0\1\0\0", 4)) << "a TrueType file";
  // Drawn by glyph id (/CIDToGIDMap /Identity): outlines and metrics, no cmap.
  hb_blob_t* blob = hb_blob_create(subset.program.data(), subset.program.size(),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* program = hb_face_create(blob, 0);
  auto has = [&](const char* tag) {
    hb_blob_t* table = hb_face_reference_table(program, hb_tag_from_string(tag, 4));
    bool found = hb_blob_get_length(table) > 0;
    hb_blob_destroy(table);
    return found;
  };
  EXPECT_TRUE(has("glyf") && has("loca") && has("hmtx") && has("head") && has("maxp"));
  EXPECT_FALSE(has("cmap"));
  hb_face_destroy(program);
  hb_blob_destroy(blob);
}

TEST(PdfFontSubset, WidthGroupsSkipTheDefault) {
  auto groups = pdf::w_groups({{1, 1000}, {2, 500}, {3, 500}, {4, 1000}, {5, 250}, {7, 600}});
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups.at(2), (std::vector<int>{500, 500}));
  EXPECT_EQ(groups.at(5), (std::vector<int>{250}));
  EXPECT_EQ(groups.at(7), (std::vector<int>{600}));
}

}  // namespace
}  // namespace paiban
