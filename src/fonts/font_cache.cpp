// FontCache: fontconfig finds files, HarfBuzz opens them once per process.
// A face is never closed while the cache lives, so FaceIds and the
// references handed out stay valid for a whole batch.
#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>

#include "fonts/font_choices.hpp"
#include "paiban/data_dirs.hpp"
#include "paiban/fonts.hpp"

namespace paiban {
namespace {

constexpr size_t kMaxFaces = 4096;  // far above any real layout; keeps face slots stable

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

int read_be16(const char* p) { return static_cast<int16_t>((uint8_t(p[0]) << 8) | uint8_t(p[1])); }

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// fontconfig's "lang" wants "zh-cn" style tags; BCP 47 script subtags map to regions.
std::string fontconfig_lang(const std::string& bcp47) {
  static const std::map<std::string, std::string> known = {
      {"zh-hans", "zh-cn"}, {"zh", "zh-cn"},    {"zh-cn", "zh-cn"}, {"zh-hant", "zh-tw"},
      {"zh-tw", "zh-tw"},   {"zh-hk", "zh-hk"}, {"ja", "ja"},       {"ko", "ko"}};
  auto it = known.find(lowercase(bcp47));
  return it != known.end() ? it->second : lowercase(bcp47);
}

}  // namespace

struct LoadedFace {
  FaceInfo info;
  hb_blob_t* blob = nullptr;  // the whole file, shared between a collection's faces
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;  // scale = units per em
  // Glyph ink, remembered: HarfBuzz runs a CFF glyph's charstring on every
  // extents query, and shaping asks for every glyph's ink (a quarter of a
  // render's time without this). One lock-free slot per glyph: the four
  // extents as int16, XOR kInkMarker so that 0 means "not yet known".
  // calloc'd: the zero pages are the kernel's until a glyph's ink is stored
  // (no 0.5 MB memset per CJK face, and no resident memory for glyphs never asked).
  std::unique_ptr<uint64_t[], decltype(&std::free)> ink_memo{nullptr, &std::free};
  unsigned glyph_count = 0;
  // The face as hb-subset should see it (no cmap): made once, on first use.
  std::once_flag outline_once;
  hb_face_t* outline_face = nullptr;
};

namespace {

// Only the tables a CFF font program is cut from. Without a cmap, hb-subset
// no longer maps the whole font's 65,000 characters back to glyphs on every
// plan (half of a CJK face's subsetting time), nor keeps the variation
// alternates of cmap format 14 that no page draws.
hb_blob_t* cff_outline_table(hb_face_t*, hb_tag_t tag, void* user_data) {
  if (tag != HB_TAG('C', 'F', 'F', ' ') && tag != HB_TAG('m', 'a', 'x', 'p') &&
      tag != HB_TAG('h', 'e', 'a', 'd'))
    return nullptr;
  return hb_face_reference_table(static_cast<hb_face_t*>(user_data), tag);
}

// A TrueType face without its cmap, for the same reason (HanaMinB's cost
// 68 M instructions a plan, against 2 M without): a CIDFontType2 with
// /CIDToGIDMap /Identity is drawn by glyph id and never reads it.
hb_blob_t* truetype_outline_table(hb_face_t*, hb_tag_t tag, void* user_data) {
  if (tag == HB_TAG('c', 'm', 'a', 'p')) return nullptr;
  return hb_face_reference_table(static_cast<hb_face_t*>(user_data), tag);
}

void destroy_face(void* face) { hb_face_destroy(static_cast<hb_face_t*>(face)); }

}  // namespace

constexpr uint64_t kInkMarker = 0x8000800080008000ull;

struct FontCache::Impl {
  FcConfig* config = nullptr;  // loaded on the first question no kept answer covers
  std::string app_fonts_dir;   // paiban's fonts/ (or PAIBAN_FONT_PATH's) given to fontconfig
  std::optional<FontChoices> choices;
  std::mutex mutex;  // guards lookups and loading; faces are immutable once published
  std::array<LoadedFace*, kMaxFaces> faces{};
  std::atomic<size_t> face_count{0};
  std::map<std::pair<std::string, int>, FaceId> by_file;  // (path, index) -> face
  std::map<std::string, hb_blob_t*> blobs;                // path -> file
  std::map<std::tuple<std::string, int, std::string>, std::optional<FaceId>> by_request;

  ~Impl() {
    for (size_t i = 0; i < face_count; ++i) {
      if (faces[i]->outline_face) hb_face_destroy(faces[i]->outline_face);
      hb_font_destroy(faces[i]->font);
      hb_face_destroy(faces[i]->face);
      delete faces[i];
    }
    for (auto& [path, blob] : blobs) hb_blob_destroy(blob);
    if (config) {
      if (choices) choices->save(stamp_of(config, app_fonts_dir));
      FcConfigDestroy(config);
    }
  }

  // fontconfig with its configuration, the app fonts directory and its
  // fonts.conf: loaded once, when a question has no kept answer.
  FcConfig* loaded_config() {
    if (config) return config;
    config = FcInitLoadConfigAndFonts();
    if (!config) throw std::runtime_error("fontconfig: cannot load its configuration");
    if (!app_fonts_dir.empty()) {
      FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(app_fonts_dir.c_str()));
      std::string conf = app_fonts_dir + "/fonts.conf";
      struct stat st {};
      if (::stat(conf.c_str(), &st) == 0)
        FcConfigParseAndLoad(config, reinterpret_cast<const FcChar8*>(conf.c_str()), FcFalse);
    }
    return config;
  }

  FaceId load(const std::string& path, int index, const std::string& family, int weight) {
    auto key = std::make_pair(path, index);
    if (auto it = by_file.find(key); it != by_file.end()) return it->second;
    if (face_count >= kMaxFaces) throw std::runtime_error("too many font faces");
    hb_blob_t*& blob = blobs[path];
    if (!blob) {
      blob = hb_blob_create_from_file_or_fail(path.c_str());
      if (!blob) throw std::runtime_error(path + ": cannot read font file");
    }
    auto* loaded = new LoadedFace;
    loaded->blob = blob;
    loaded->face = hb_face_create(blob, index);
    if (hb_face_get_glyph_count(loaded->face) == 0) {
      hb_face_destroy(loaded->face);
      delete loaded;
      throw std::runtime_error(path + ": not a usable font (no glyphs)");
    }
    hb_face_make_immutable(loaded->face);
    loaded->glyph_count = hb_face_get_glyph_count(loaded->face);
    loaded->ink_memo.reset(
        static_cast<uint64_t*>(std::calloc(std::max(1u, loaded->glyph_count), sizeof(uint64_t))));
    if (!loaded->ink_memo) throw std::bad_alloc();
    loaded->font = hb_font_create(loaded->face);
    hb_font_make_immutable(loaded->font);
    fill_info(*loaded, path, index, family, weight);
    FaceId id = static_cast<FaceId>(face_count.load());
    faces[id] = loaded;
    face_count = face_count + 1;  // publish after the slot is filled
    by_file[key] = id;
    return id;
  }

  // The face's facts are its own, never the request's that loaded it first:
  // one face reached by several requests (a fallback asked for at 400 by
  // body text and at 700 by a heading, on two threads) must describe itself
  // the same whichever came first, or the PDF would depend on timing.
  static void fill_info(LoadedFace& f, const std::string& path, int index,
                        const std::string& family, int weight) {
    FaceInfo& info = f.info;
    info.path = path;
    info.index = index;
    char name[256];
    unsigned size = sizeof name;
    // Its family name (name ID 1) in English, as fontconfig reads it.
    info.family = hb_ot_name_get_utf8(f.face, HB_OT_NAME_ID_FONT_FAMILY,
                                      hb_language_from_string("en", -1), &size, name) > 0
                      ? std::string(name)
                      : family;
    // Its weight class (OS/2 usWeightClass, offset 4).
    info.weight = weight;
    hb_blob_t* os2 = hb_face_reference_table(f.face, HB_TAG('O', 'S', '/', '2'));
    unsigned os2_length = 0;
    const char* os2_data = hb_blob_get_data(os2, &os2_length);
    if (os2_length >= 6) {
      // usWeightClass is unsigned; 1..1000 reads the same through read_be16.
      const int weight_class = read_be16(os2_data + 4);
      if (weight_class >= 1 && weight_class <= 1000) info.weight = weight_class;
    }
    hb_blob_destroy(os2);
    info.units_per_em = static_cast<int>(hb_face_get_upem(f.face));
    size = sizeof name;
    if (hb_ot_name_get_utf8(f.face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size,
                            name) > 0)
      info.postscript_name = name;
    if (info.postscript_name.empty()) info.postscript_name = "paiban-font";
    hb_blob_t* cff = hb_face_reference_table(f.face, HB_TAG('C', 'F', 'F', ' '));
    info.is_cff = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);
    hb_position_t pos;
    if (hb_ot_metrics_get_position(f.font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &pos))
      info.ascender = pos;
    if (hb_ot_metrics_get_position(f.font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &pos))
      info.descender = pos;
    if (hb_ot_metrics_get_position(f.font, HB_OT_METRICS_TAG_CAP_HEIGHT, &pos))
      info.cap_height = pos;
    hb_blob_t* head = hb_face_reference_table(f.face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned len = 0;
    const char* h = hb_blob_get_data(head, &len);
    if (len >= 44) {  // head: xMin yMin xMax yMax at offset 36
      info.x_min = read_be16(h + 36);
      info.y_min = read_be16(h + 38);
      info.x_max = read_be16(h + 40);
      info.y_max = read_be16(h + 42);
    }
    hb_blob_destroy(head);
    hb_blob_t* post = hb_face_reference_table(f.face, HB_TAG('p', 'o', 's', 't'));
    const char* p = hb_blob_get_data(post, &len);
    if (len >= 8) {  // post: italicAngle is a 16.16 fixed at offset 4
      int32_t fixed = (int32_t(uint8_t(p[4])) << 24) | (uint8_t(p[5]) << 16) |
                      (uint8_t(p[6]) << 8) | uint8_t(p[7]);
      info.italic_angle = fixed / 65536.0;
    }
    hb_blob_destroy(post);
    info.em_box = read_em_box(f, info.units_per_em);
  }

  // The ideographic em box of the BASE table (Han's, else the default
  // script's); one edge alone gives the other one em away.
  static std::optional<EmBox> em_box_from_base(hb_font_t* font, double upem) {
    const hb_tag_t han = HB_TAG('h', 'a', 'n', 'i');
    hb_position_t top = 0, bottom = 0;
    const bool has_top =
        hb_ot_layout_get_baseline(font, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                  HB_DIRECTION_LTR, han, HB_TAG_NONE, &top);
    const bool has_bottom =
        hb_ot_layout_get_baseline(font, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT,
                                  HB_DIRECTION_LTR, han, HB_TAG_NONE, &bottom);
    if (!has_top && !has_bottom) return std::nullopt;
    if (!has_top) top = bottom + static_cast<hb_position_t>(upem);
    if (!has_bottom) bottom = top - static_cast<hb_position_t>(upem);
    if (top <= bottom) return std::nullopt;  // a damaged table
    return EmBox{top / upem, -bottom / upem, EmBox::Source::base_table};
  }

  // OS/2 sTypoAscender and sTypoDescender (offsets 68 and 70), scaled
  // together to one em: a Latin font's em box.
  static std::optional<EmBox> em_box_from_typo_metrics(hb_face_t* face) {
    hb_blob_t* os2 = hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'));
    unsigned len = 0;
    const char* t = hb_blob_get_data(os2, &len);
    std::optional<EmBox> box;
    if (len >= 72) {
      const double ascender = read_be16(t + 68), descender = read_be16(t + 70);
      if (ascender > 0 && descender <= 0)
        box = EmBox{ascender / (ascender - descender), -descender / (ascender - descender),
                    EmBox::Source::typo_metrics};
    }
    hb_blob_destroy(os2);
    return box;
  }

  static EmBox read_em_box(const LoadedFace& f, int units_per_em) {
    if (units_per_em <= 0) return {};
    if (auto box = em_box_from_base(f.font, units_per_em)) return *box;
    if (auto box = em_box_from_typo_metrics(f.face)) return *box;
    return {};
  }

  // Runs a fontconfig match; returns (file, index, family, weight) of the best face.
  struct Match {
    std::string file, family;
    int index = 0, weight = 400;
  };
  std::optional<Match> match(FcPattern* pattern) {
    FcConfig* config = loaded_config();
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern* found = FcFontMatch(config, pattern, &result);
    if (!found) return std::nullopt;
    return read_match(found);
  }

  // A face of `family`: fontconfig lists the faces that carry the name, then
  // picks among them alone by weight, language and style. Matching against
  // every installed face, after the configuration's substitutions, cost
  // 2 M instructions a request, 8% of a one-issue run; a face of another
  // family would have been refused anyway.
  std::optional<Match> match_family(const std::string& family, int weight,
                                    const std::string& fc_lang) {
    const auto* name = reinterpret_cast<const FcChar8*>(family.c_str());
    FcPattern* by_name = FcPatternCreate();
    FcPatternAddString(by_name, FC_FAMILY, name);
    FcObjectSet* wanted =
        FcObjectSetBuild(FC_FAMILY, FC_STYLE, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_WIDTH,
                         FC_LANG, FC_FONTFORMAT, FC_SCALABLE, FC_VARIABLE, nullptr);
    FcConfig* config = loaded_config();
    FcFontSet* candidates = FcFontList(config, by_name, wanted);
    FcObjectSetDestroy(wanted);
    FcPatternDestroy(by_name);
    if (!candidates) return std::nullopt;
    std::optional<Match> m;
    if (candidates->nfont > 0) {
      FcPattern* pattern = FcPatternCreate();
      FcPatternAddString(pattern, FC_FAMILY, name);
      FcPatternAddInteger(pattern, FC_WEIGHT, FcWeightFromOpenType(weight));
      if (!fc_lang.empty())
        FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>(fc_lang.c_str()));
      FcDefaultSubstitute(pattern);
      FcResult result;
      FcPattern* found = FcFontSetMatch(config, &candidates, 1, pattern, &result);
      FcPatternDestroy(pattern);
      if (found) m = read_match(found);
    }
    FcFontSetDestroy(candidates);
    return m;
  }

  // File, index, family and weight of a matched pattern (destroyed here);
  // its family names go to matched_families.
  std::optional<Match> read_match(FcPattern* found) {
    Match m;
    FcChar8* file = nullptr;
    FcChar8* family = nullptr;
    int index = 0, weight = FC_WEIGHT_REGULAR;
    if (FcPatternGetString(found, FC_FILE, 0, &file) == FcResultMatch) m.file = (const char*)file;
    if (FcPatternGetInteger(found, FC_INDEX, 0, &index) == FcResultMatch) m.index = index;
    if (FcPatternGetString(found, FC_FAMILY, 0, &family) == FcResultMatch)
      m.family = (const char*)family;
    if (FcPatternGetInteger(found, FC_WEIGHT, 0, &weight) == FcResultMatch)
      m.weight = static_cast<int>(FcWeightToOpenType(weight));
    std::vector<std::string> families;
    for (int i = 0; FcPatternGetString(found, FC_FAMILY, i, &family) == FcResultMatch; ++i)
      families.emplace_back((const char*)family);
    FcPatternDestroy(found);
    if (m.file.empty()) return std::nullopt;
    matched_families = std::move(families);
    return m;
  }
  std::vector<std::string> matched_families;
};

FontCache::FontCache(std::vector<std::string> first_dirs, const std::string& choices_file)
    : impl_(std::make_unique<Impl>()) {
  // The project's fonts/: its fontconfig rules and any font it ships.
  std::vector<std::string> dirs = std::move(first_dirs);
  for (const std::string& data : data_directories()) dirs.push_back(data + "/fonts");
  for (const auto& dir : dirs) {
    if (!is_directory(dir)) continue;
    impl_->app_fonts_dir = dir;
    break;  // the first fonts/ found wins: installed beside the program, else the source tree
  }
  if (!choices_file.empty())
    impl_->choices.emplace(choices_file, impl_->app_fonts_dir);
  else
    impl_->loaded_config();  // as before: fontconfig's configuration errors show at once
}

FontCache::~FontCache() = default;

std::optional<FaceId> FontCache::find(const std::string& family, int weight,
                                      const std::string& lang) {
  std::lock_guard lock(impl_->mutex);
  auto key = std::make_tuple(lowercase(family), weight, lowercase(lang));
  if (auto it = impl_->by_request.find(key); it != impl_->by_request.end()) return it->second;
  std::optional<FaceId> result;
  const std::string kept_key =
      "family|" + std::get<0>(key) + "|" + std::to_string(weight) + "|" + std::get<2>(key);
  if (auto kept = impl_->choices ? impl_->choices->find(kept_key) : std::nullopt) {
    if (*kept) result = impl_->load((*kept)->file, (*kept)->index, family, (*kept)->weight);
    impl_->by_request[key] = result;
    return result;
  }
  std::optional<FontChoice> choice;
  if (auto m = impl_->match_family(family, weight, fontconfig_lang(lang))) {
    // The chosen face must carry the family asked for under one of its names.
    bool same = false;
    for (const auto& f : impl_->matched_families) same = same || lowercase(f) == lowercase(family);
    if (same) {
      result = impl_->load(m->file, m->index, family, m->weight);
      choice = FontChoice{m->file, m->index, family, m->weight};
    }
  }
  if (impl_->choices) impl_->choices->remember(kept_key, choice);
  impl_->by_request[key] = result;
  return result;
}

std::optional<FaceId> FontCache::find_for_char(char32_t ch, int weight, const std::string& lang) {
  std::lock_guard lock(impl_->mutex);
  std::string fc_lang = fontconfig_lang(lang);
  const std::string kept_key = "char|" + std::to_string(static_cast<uint32_t>(ch)) + "|" +
                               std::to_string(weight) + "|" + fc_lang;
  std::optional<Impl::Match> m;
  if (auto kept = impl_->choices ? impl_->choices->find(kept_key) : std::nullopt) {
    if (*kept) m = Impl::Match{(*kept)->file, (*kept)->family, (*kept)->index, (*kept)->weight};
  } else {
    FcPattern* pattern = FcPatternCreate();
    FcCharSet* charset = FcCharSetCreate();
    FcCharSetAddChar(charset, ch);
    FcPatternAddCharSet(pattern, FC_CHARSET, charset);
    FcPatternAddInteger(pattern, FC_WEIGHT, FcWeightFromOpenType(weight));
    if (!fc_lang.empty())
      FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>(fc_lang.c_str()));
    m = impl_->match(pattern);
    FcPatternDestroy(pattern);
    FcCharSetDestroy(charset);
    if (impl_->choices)
      impl_->choices->remember(kept_key, m ? std::optional<FontChoice>(FontChoice{
                                                 m->file, m->index, m->family, m->weight})
                                           : std::nullopt);
  }
  if (!m) return std::nullopt;
  // fontconfig may answer with a face HarfBuzz cannot read (a Type 1 .pfb
  // claims the private-use area): for fallback that is no face at all, and
  // the character becomes a missing-glyph warning, not an internal error.
  FaceId id = 0;
  try {
    id = impl_->load(m->file, m->index, m->family, m->weight);
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(impl_->faces[id]->font, ch, &glyph) || glyph == 0)
    return std::nullopt;
  return id;
}

const FaceInfo& FontCache::info(FaceId face) const { return impl_->faces.at(face)->info; }

uint32_t FontCache::glyph_for(FaceId face, char32_t ch) const {
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(impl_->faces.at(face)->font, ch, &glyph)) return 0;
  return glyph;
}

GlyphInk FontCache::ink(FaceId face, uint32_t glyph) const {
  LoadedFace& f = *impl_->faces.at(face);
  uint64_t* slot = glyph < f.glyph_count ? &f.ink_memo[glyph] : nullptr;
  GlyphInk ink;
  if (uint64_t known = slot ? std::atomic_ref(*slot).load(std::memory_order_relaxed) : 0) {
    known ^= kInkMarker;
    ink.x_min = static_cast<int16_t>(known >> 48);
    ink.x_max = static_cast<int16_t>(known >> 32);
    ink.y_min = static_cast<int16_t>(known >> 16);
    ink.y_max = static_cast<int16_t>(known);
    return ink;
  }
  hb_glyph_extents_t e{};
  if (hb_font_get_glyph_extents(f.font, glyph, &e)) {
    ink.x_min = e.x_bearing;
    ink.x_max = e.x_bearing + e.width;
    ink.y_max = e.y_bearing;
    ink.y_min = e.y_bearing + e.height;
  }
  auto fits = [](int v) { return v >= INT16_MIN && v <= INT16_MAX; };
  if (slot && fits(ink.x_min) && fits(ink.x_max) && fits(ink.y_min) && fits(ink.y_max)) {
    uint64_t packed = uint64_t(uint16_t(ink.x_min)) << 48 | uint64_t(uint16_t(ink.x_max)) << 32 |
                      uint64_t(uint16_t(ink.y_min)) << 16 | uint64_t(uint16_t(ink.y_max));
    if (packed != kInkMarker)
      std::atomic_ref(*slot).store(packed ^ kInkMarker, std::memory_order_relaxed);
  }
  return ink;
}

size_t FontCache::character_count(FaceId face) const {
  hb_set_t* set = hb_set_create();
  hb_face_collect_unicodes(impl_->faces.at(face)->face, set);
  size_t count = hb_set_get_population(set);
  hb_set_destroy(set);
  return count;
}

std::string_view FontCache::file_bytes(FaceId face) const {
  unsigned len = 0;
  const char* data = hb_blob_get_data(impl_->faces.at(face)->blob, &len);
  return {data, len};
}

void* FontCache::hb_font(FaceId face) const { return impl_->faces.at(face)->font; }
void* FontCache::hb_face(FaceId face) const { return impl_->faces.at(face)->face; }

void* FontCache::hb_subset_source(FaceId face) const {
  LoadedFace& f = *impl_->faces.at(face);
  std::call_once(f.outline_once, [&f] {
    hb_face_t* outline =
        hb_face_create_for_tables(f.info.is_cff ? cff_outline_table : truetype_outline_table,
                                  hb_face_reference(f.face), destroy_face);
    hb_face_set_upem(outline, hb_face_get_upem(f.face));
    hb_face_set_glyph_count(outline, f.glyph_count);
    hb_face_make_immutable(outline);
    f.outline_face = outline;
  });
  return f.outline_face;
}

bool FontCache::fontconfig_loaded() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->config != nullptr;
}

FontCache& FontCache::shared() {
  static FontCache cache;
  return cache;
}

std::optional<std::string> debian_package_for_family(const std::string& family) {
  // Families a layout is likely to name, and the Debian 12 package that ships them.
  static const std::map<std::string, std::string> packages = {
      {"noto serif cjk sc", "fonts-noto-cjk"},
      {"noto serif cjk tc", "fonts-noto-cjk"},
      {"noto serif cjk jp", "fonts-noto-cjk"},
      {"noto serif cjk kr", "fonts-noto-cjk"},
      {"noto sans cjk sc", "fonts-noto-cjk"},
      {"noto sans cjk tc", "fonts-noto-cjk"},
      {"noto sans cjk jp", "fonts-noto-cjk"},
      {"noto sans cjk kr", "fonts-noto-cjk"},
      {"noto sans cjk hk", "fonts-noto-cjk"},
      {"noto sans mono cjk sc", "fonts-noto-cjk"},
      {"droid sans fallback", "fonts-droid-fallback"},
      {"wenquanyi micro hei", "fonts-wqy-microhei"},
      {"wenquanyi zen hei", "fonts-wqy-zenhei"},
      {"ar pl uming cn", "fonts-arphic-uming"},
      {"ar pl ukai cn", "fonts-arphic-ukai"},
      {"hanazono", "fonts-hanazono"},
      {"hanaminaa", "fonts-hanazono"},
      {"hanaminb", "fonts-hanazono"},
      {"dejavu sans", "fonts-dejavu-core"},
      {"dejavu serif", "fonts-dejavu-core"},
      {"noto serif", "fonts-noto-core"},
      {"noto sans", "fonts-noto-core"},
      {"ipaexmincho", "fonts-ipaexfont-mincho"},
      {"ipaexgothic", "fonts-ipaexfont-gothic"}};
  auto it = packages.find(lowercase(family));
  if (it == packages.end()) return std::nullopt;
  return it->second;
}

}  // namespace paiban
