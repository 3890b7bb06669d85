#include <ft2build.h>
#include <gtest/gtest.h>
#include <hb.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include "paiban/fonts.hpp"

namespace paiban {
namespace {

// The em box is read from each face: Noto CJK's BASE table gives the 0.88 /
// 0.12 the engine used to assume; a Latin face without one, its OS/2 typo
// ascender and descender scaled to one em (checked here through FreeType).
TEST(FontCache, EmBoxOfACjkFaceComesFromItsBaseTable) {
  FontCache& fonts = FontCache::shared();
  for (const char* family : {"Noto Serif CJK SC", "Noto Sans CJK SC"}) {
    const EmBox box = fonts.info(*fonts.find(family, 400, "zh-Hans")).em_box;
    EXPECT_EQ(box.source, EmBox::Source::base_table) << family;
    EXPECT_DOUBLE_EQ(box.ascent, 0.88) << family;
    EXPECT_DOUBLE_EQ(box.descent, 0.12) << family;
    EXPECT_DOUBLE_EQ(box.middle(), 0.38) << family;
  }
}

TEST(FontCache, EmBoxOfALatinFaceComesFromItsTypoMetrics) {
  FontCache& fonts = FontCache::shared();
  auto face = fonts.find("DejaVu Sans", 400, "en");
  if (!face) GTEST_SKIP() << "DejaVu Sans is not installed (fonts-dejavu-core)";
  const FaceInfo& info = fonts.info(*face);
  FT_Library library;
  ASSERT_EQ(FT_Init_FreeType(&library), 0);
  FT_Face ft;
  ASSERT_EQ(FT_New_Face(library, info.path.c_str(), info.index, &ft), 0);
  auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(ft, FT_SFNT_OS2));
  ASSERT_NE(os2, nullptr);
  const double ascender = os2->sTypoAscender, descender = os2->sTypoDescender;
  FT_Done_Face(ft);
  FT_Done_FreeType(library);

  const EmBox box = info.em_box;
  EXPECT_EQ(box.source, EmBox::Source::typo_metrics);
  EXPECT_DOUBLE_EQ(box.ascent, ascender / (ascender - descender));
  EXPECT_DOUBLE_EQ(box.descent, -descender / (ascender - descender));
  EXPECT_NEAR(box.height(), 1.0, 1e-12);
  EXPECT_LT(box.ascent, 0.8);  // not the CJK 0.88: DejaVu Sans 1556 / 2048
}

TEST(FontCache, FindsNotoSerifCjkScByFamily) {
  FontCache& fonts = FontCache::shared();
  auto face = fonts.find("Noto Serif CJK SC", 400, "zh-Hans");
  ASSERT_TRUE(face.has_value());
  const FaceInfo& info = fonts.info(*face);
  EXPECT_TRUE(info.is_cff);
  EXPECT_EQ(info.units_per_em, 1000);
  EXPECT_NE(info.postscript_name.find("NotoSerifCJK"), std::string::npos) << info.postscript_name;
  EXPECT_NE(fonts.glyph_for(*face, U'排'), 0u);
  EXPECT_GT(fonts.file_bytes(*face).size(), 1000000u);
}

TEST(FontCache, BoldIsAnotherFace) {
  FontCache& fonts = FontCache::shared();
  auto regular = fonts.find("Noto Sans CJK SC", 400, "zh-Hans");
  auto bold = fonts.find("Noto Sans CJK SC", 700, "zh-Hans");
  ASSERT_TRUE(regular && bold);
  EXPECT_NE(*regular, *bold);
  EXPECT_GE(fonts.info(*bold).weight, 600);
}

TEST(FontCache, SameRequestGivesSameFace) {
  FontCache& fonts = FontCache::shared();
  EXPECT_EQ(fonts.find("Noto Serif CJK SC", 400, "zh-Hans"),
            fonts.find("noto serif cjk sc", 400, "zh-Hans"));
}

TEST(FontCache, UnknownFamilyIsNotFound) {
  EXPECT_FALSE(FontCache::shared().find("No Such Family 42", 400, "zh-Hans").has_value());
  EXPECT_EQ(debian_package_for_family("Noto Serif CJK SC"), "fonts-noto-cjk");
  EXPECT_FALSE(debian_package_for_family("No Such Family 42").has_value());
}

TEST(FontCache, FindsAFaceForACharacter) {
  FontCache& fonts = FontCache::shared();
  auto face = fonts.find_for_char(U'漢', 400, "zh-Hans");
  ASSERT_TRUE(face.has_value());
  EXPECT_TRUE(fonts.covers(*face, U'漢'));
}

TEST(FontCache, InkOfAFullStopSitsInTheLeftHalf) {
  // Simplified Chinese puts 。 in the lower left: the right half of its em is blank.
  FontCache& fonts = FontCache::shared();
  auto face = *fonts.find("Noto Serif CJK SC", 400, "zh-Hans");
  GlyphInk ink = fonts.ink(face, fonts.glyph_for(face, U'。'));
  EXPECT_LT(ink.x_max, 500);
  EXPECT_GT(ink.x_max, ink.x_min);
}

TEST(FontCache, SubsetSourceOfACffFaceIsItsOutlinesAlone) {
  FontCache& fonts = FontCache::shared();
  FaceId face = *fonts.find("Noto Serif CJK SC", 400, "zh-Hans");
  auto* source = static_cast<hb_face_t*>(fonts.hb_subset_source(face));
  auto* whole = static_cast<hb_face_t*>(fonts.hb_face(face));
  ASSERT_NE(source, whole);
  EXPECT_EQ(source, fonts.hb_subset_source(face)) << "made once";
  EXPECT_EQ(hb_face_get_glyph_count(source), hb_face_get_glyph_count(whole));
  auto length = [](hb_face_t* f, const char* tag) {
    hb_blob_t* blob = hb_face_reference_table(f, hb_tag_from_string(tag, 4));
    unsigned n = hb_blob_get_length(blob);
    hb_blob_destroy(blob);
    return n;
  };
  EXPECT_EQ(length(source, "CFF "), length(whole, "CFF "));
  EXPECT_GT(length(whole, "cmap"), 0u);
  EXPECT_EQ(length(source, "cmap"), 0u) << "no plan reads the cmap";
}

TEST(FontCache, SubsetSourceOfATrueTypeFaceHasNoCmap) {
  FontCache& fonts = FontCache::shared();
  auto face = fonts.find("DejaVu Sans", 400, "en");
  if (!face) GTEST_SKIP() << "DejaVu Sans not installed";
  auto* source = static_cast<hb_face_t*>(fonts.hb_subset_source(*face));
  auto* whole = static_cast<hb_face_t*>(fonts.hb_face(*face));
  ASSERT_NE(source, whole);
  auto length = [](hb_face_t* f, const char* tag) {
    hb_blob_t* blob = hb_face_reference_table(f, hb_tag_from_string(tag, 4));
    unsigned n = hb_blob_get_length(blob);
    hb_blob_destroy(blob);
    return n;
  };
  EXPECT_EQ(length(source, "glyf"), length(whole, "glyf"));
  EXPECT_EQ(length(source, "hmtx"), length(whole, "hmtx"));
  EXPECT_EQ(length(source, "cmap"), 0u);
}

// A face is described by itself, not by the request that loaded it first: the
// Droid fallback asked for at 700 (a bold heading's missing character) and at
// 400 says the same of itself, whichever came first, as threads may order them.
TEST(FontCache, AFaceDescribesItselfWhicheverRequestLoadedItFirst) {
  FontCache bold_first, regular_first;
  auto a = bold_first.find("Droid Sans Fallback", 700, "zh-Hans");
  if (!a) GTEST_SKIP() << "Droid Sans Fallback is not installed (fonts-droid-fallback)";
  auto b = regular_first.find("Droid Sans Fallback", 400, "zh-Hans");
  ASSERT_TRUE(b);
  const FaceInfo& x = bold_first.info(*a);
  const FaceInfo& y = regular_first.info(*b);
  ASSERT_EQ(x.path, y.path);
  EXPECT_EQ(x.weight, y.weight);
  EXPECT_EQ(x.weight, 400);  // its OS/2 weight class: a regular face
  EXPECT_EQ(x.family, y.family);
  EXPECT_EQ(x.family, "Droid Sans Fallback");
  // And the bold request, now that the face is loaded, finds the same face.
  EXPECT_EQ(regular_first.find("Droid Sans Fallback", 700, "zh-Hans"), b);
}

}  // namespace
}  // namespace paiban
