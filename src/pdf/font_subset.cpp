#include "pdf/font_subset.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <cmath>
#include <memory>
#include <stdexcept>

#include "pdf/cff_charset.hpp"
#include "pdf/md5.hpp"

namespace paiban::pdf {
namespace {

template <typename T, void (*Destroy)(T*)>
struct HbDeleter {
  void operator()(T* p) const { Destroy(p); }
};
using InputPtr =
    std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;
using PlanPtr =
    std::unique_ptr<hb_subset_plan_t, HbDeleter<hb_subset_plan_t, hb_subset_plan_destroy>>;
using FacePtr = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using BlobPtr = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;

std::string table_bytes(hb_face_t* face, hb_tag_t tag) {
  BlobPtr blob(hb_face_reference_table(face, tag));
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob.get(), &len);
  return std::string(data ? data : "", len);
}

// Asked without copying: a TrueType glyf table can be megabytes.
bool has_table(hb_face_t* face, hb_tag_t tag) {
  BlobPtr blob(hb_face_reference_table(face, tag));
  return hb_blob_get_length(blob.get()) > 0;
}

std::string face_bytes(hb_face_t* face) {
  BlobPtr blob(hb_face_reference_blob(face));
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob.get(), &len);
  return std::string(data ? data : "", len);
}

}  // namespace

std::string subset_tag(const std::string& postscript_name, const std::set<uint32_t>& glyphs) {
  Md5 md5;
  md5.update(postscript_name);
  for (uint32_t g : glyphs) {
    const char bytes[4] = {char(g >> 24), char(g >> 16), char(g >> 8), char(g)};
    md5.update(std::string_view(bytes, 4));
  }
  std::string digest = md5.digest();
  std::string tag;
  for (int i = 0; i < 6; ++i)
    tag += static_cast<char>('A' + static_cast<unsigned char>(digest[i]) % 26);
  return tag;
}

FontSubset subset_face(const FontCache& fonts, FaceId face, const std::set<uint32_t>& glyphs) {
  const FaceInfo& info = fonts.info(face);
  auto* hb_face = static_cast<hb_face_t*>(fonts.hb_face(face));
  auto* hb_font = static_cast<hb_font_t*>(fonts.hb_font(face));
  const std::string what = info.path + " (" + info.postscript_name + ")";

  InputPtr input(hb_subset_input_create_or_fail());
  if (!input) throw std::runtime_error("PDF writer: hb-subset input for " + what);
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  hb_set_add(glyph_set, 0);
  for (uint32_t g : glyphs) hb_set_add(glyph_set, g);
  // Layout tables are of no use in a PDF, and their closure (vert, locl)
  // would pull in glyphs never drawn.
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* t : {"GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "kern"})
    hb_set_add(drop, hb_tag_from_string(t, 4));
  hb_subset_input_set_flags(input.get(),
                            HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);

  auto* source = static_cast<hb_face_t*>(fonts.hb_subset_source(face));
  PlanPtr plan(hb_subset_plan_create_or_fail(source, input.get()));
  if (!plan) throw std::runtime_error("PDF writer: cannot plan the subset of " + what);
  FacePtr result(hb_subset_plan_execute_or_fail(plan.get()));
  if (!result) throw std::runtime_error("PDF writer: cannot subset " + what);
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());

  FontSubset subset;
  subset.face = face;
  subset.tag = subset_tag(info.postscript_name, glyphs);
  subset.cff = info.is_cff;
  CffCharset charset;
  if (subset.cff) {
    subset.program = table_bytes(result.get(), HB_TAG('C', 'F', 'F', ' '));
    if (subset.program.empty())
      throw std::runtime_error("PDF writer: subset of " + what + " has no CFF table");
    charset = read_cff_charset(subset.program);
    subset.cid_keyed = charset.cid_keyed;
  } else {
    if (!has_table(hb_face, HB_TAG('g', 'l', 'y', 'f')))
      throw std::runtime_error("PDF writer: " + what +
                               " has neither CFF nor TrueType outlines (CFF2 is not supported)");
    subset.program = face_bytes(result.get());
  }

  const double scale = 1000.0 / info.units_per_em;
  for (uint32_t g : glyphs) {
    hb_codepoint_t new_gid = hb_map_get(old_to_new, g);
    if (new_gid == HB_MAP_VALUE_INVALID)
      throw std::runtime_error("PDF writer: glyph " + std::to_string(g) + " is not in " + what);
    uint16_t code = static_cast<uint16_t>(new_gid);
    // A CID-keyed CFF is addressed by CID; everything else by the new glyph id
    // (TrueType with /CIDToGIDMap /Identity; a name-keyed CFF's glyph order).
    if (subset.cid_keyed) {
      if (new_gid >= charset.cids.size())
        throw std::runtime_error("PDF writer: subset charset of " + what + " is short");
      code = charset.cids[new_gid];
    }
    subset.code_of[g] = code;
    subset.width_of[code] =
        static_cast<int>(std::lround(hb_font_get_glyph_h_advance(hb_font, g) * scale));
  }
  return subset;
}

void add_vertical_metrics(const FontCache& fonts, FontSubset& subset,
                          const std::set<uint32_t>& glyphs) {
  auto* hb_font = static_cast<hb_font_t*>(fonts.hb_font(subset.face));
  const double scale = 1000.0 / fonts.info(subset.face).units_per_em;
  auto scaled = [&](hb_position_t v) { return static_cast<int>(std::lround(v * scale)); };
  for (uint32_t g : glyphs) {
    hb_position_t origin_x = 0, origin_y = 0;
    hb_font_get_glyph_v_origin(hb_font, g, &origin_x, &origin_y);
    // HarfBuzz's vertical advances point down: negative.
    subset.vertical_of[subset.code_of.at(g)] = {-scaled(hb_font_get_glyph_v_advance(hb_font, g)),
                                                scaled(origin_x), scaled(origin_y)};
  }
}

}  // namespace paiban::pdf
