// Font lookup and the font cache: families -> faces, opened and parsed once
// per process so a batch of issues shares them (fontconfig, FreeType,
// HarfBuzz stay behind this header).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace paiban {

/// Index of a face in a FontCache; stable for the cache's lifetime.
using FaceId = int;

/// Where a face's em box lies about its baseline, in em (shares of the font
/// size). CJK lines are built on it (clreq, jlreq): a line box centres it in
/// the leading, ruby sits on its top, a link covers it. Read once per face:
/// the OpenType BASE table's ideographic em box ('idtp', 'ideo'), else the
/// OS/2 typo ascender and descender scaled to one em, else the CJK fonts'
/// 0.88 / 0.12.
struct EmBox {
  enum class Source { base_table, typo_metrics, assumed };
  double ascent = 0.88;   ///< its top above the baseline
  double descent = 0.12;  ///< its bottom below the baseline
  Source source = Source::assumed;
  double height() const { return ascent + descent; }
  /// Its middle above the baseline (a sideways glyph in a vertical line is
  /// centred on it).
  double middle() const { return ascent - height() / 2; }
};

/// What the PDF writer and the layout need to know about a face.
/// Lengths in font units unless noted.
struct FaceInfo {
  std::string path;             ///< font file
  int index = 0;                ///< face index inside a collection (.ttc)
  std::string family;           ///< as fontconfig names it
  std::string postscript_name;  ///< e.g. NotoSerifCJKsc-Regular
  int weight = 400;
  bool is_cff = false;  ///< CFF outlines (Noto CJK): CIDFontType0
  int units_per_em = 1000;
  int ascender = 880, descender = -120;  ///< hhea/OS2 typo, descender < 0
  int cap_height = 700;
  int x_min = 0, y_min = 0, x_max = 1000, y_max = 1000;  ///< font bbox
  double italic_angle = 0;
  EmBox em_box;  ///< for horizontal lines
};

/// Glyph ink extents in font units (x_min..x_max horizontally).
struct GlyphInk {
  int x_min = 0, x_max = 0, y_min = 0, y_max = 0;
};

/// Thread-safe after construction: lookups lock; faces are immutable.
class FontCache {
 public:
  /// Adds to fontconfig's fonts the first directory that exists of
  /// `first_dirs` (the command line passes PAIBAN_FONT_PATH) and the
  /// project's fonts/ (beside the program, else in the source tree), with its
  /// fonts.conf. With `choices_file`, fontconfig's answers are kept there
  /// between runs while what it reads is unchanged, and its configuration is
  /// loaded only for a question no kept answer covers (font_choices.hpp).
  explicit FontCache(std::vector<std::string> first_dirs = {},
                     const std::string& choices_file = {});
  ~FontCache();
  FontCache(const FontCache&) = delete;
  FontCache& operator=(const FontCache&) = delete;

  /// The best installed face for a family name and weight, or nothing when
  /// fontconfig has no face whose family matches `family` exactly.
  /// `lang` (BCP 47) picks the right face of a CJK collection.
  std::optional<FaceId> find(const std::string& family, int weight, const std::string& lang);

  /// Any face that has `ch`, for last-resort fallback (fontconfig's charset
  /// query), or nothing.
  std::optional<FaceId> find_for_char(char32_t ch, int weight, const std::string& lang);

  const FaceInfo& info(FaceId face) const;
  /// Glyph id for a character, 0 when the face lacks it.
  uint32_t glyph_for(FaceId face, char32_t ch) const;
  bool covers(FaceId face, char32_t ch) const { return glyph_for(face, ch) != 0; }
  GlyphInk ink(FaceId face, uint32_t glyph) const;
  /// How many characters the face maps (its cmap's coverage).
  size_t character_count(FaceId face) const;
  /// The whole font file's bytes (the face's collection member is `info().index`).
  std::string_view file_bytes(FaceId face) const;

  /// For stages that talk to HarfBuzz directly (shaping, subsetting):
  /// an hb_font_t* / hb_face_t* as void*, owned by the cache.
  void* hb_font(FaceId face) const;
  void* hb_face(FaceId face) const;
  /// The face hb-subset cuts a font program from (an hb_face_t*, owned by
  /// the cache, made once per face): a CFF face's CFF, maxp and head tables,
  /// a TrueType face's tables but its cmap, so no plan reads the cmap.
  void* hb_subset_source(FaceId face) const;

  /// Whether fontconfig's configuration has been loaded: at construction
  /// without a choices file, else at the first question no kept answer covers.
  bool fontconfig_loaded() const;

  /// The process-wide cache (batch mode shares it between threads).
  static FontCache& shared();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Faces in the order of their files (path, then index in a collection),
/// not of their FaceIds, which follow the order faces were first asked for:
/// set-ahead threads and a batch's earlier issues change that. What a PDF
/// or a report lists face by face comes out the same every time.
struct FaceFileOrder {
  const FontCache* fonts = nullptr;
  bool operator()(FaceId a, FaceId b) const {
    const FaceInfo& x = fonts->info(a);
    const FaceInfo& y = fonts->info(b);
    return std::tie(x.path, x.index) < std::tie(y.path, y.index);
  }
};

/// Where the commands keep fontconfig's answers (FontCache's choices_file):
/// $XDG_CACHE_HOME/paiban/font-choices, else ~/.cache/paiban/font-choices;
/// "" (kept nowhere) when neither variable is set.
std::string default_font_choices_path();

/// The Debian package that provides a family, where known ("fonts-noto-cjk").
std::optional<std::string> debian_package_for_family(const std::string& family);

}  // namespace paiban
