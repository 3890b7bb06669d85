#include "shape/itemize.hpp"

#include "common/utf8.hpp"

#include <hb.h>

#include <cstdio>
#include <set>
#include <utility>

namespace paiban {
namespace {

// Characters that take the face and script of what stands before them:
// combining marks, variation selectors, joiners (they must not split a cluster).
bool joins_previous(char32_t ch) {
  hb_unicode_general_category_t cat =
      hb_unicode_general_category(hb_unicode_funcs_get_default(), ch);
  return cat == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
         cat == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
         cat == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK || (ch >= 0xFE00 && ch <= 0xFE0F) ||
         (ch >= 0xE0100 && ch <= 0xE01EF) || ch == 0x200D || ch == 0x200C;
}

std::string describe(char32_t ch) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(ch));
  std::string utf8;
  append_utf8(utf8, ch);
  return std::string(buf) + " '" + utf8 + "'";
}

/// A character no font has: a warning at the character (the first time it
/// occurs in its run of text; later ones in the run add nothing new).
using WarnedSet = std::set<std::pair<uint32_t, char32_t>>;  // (run, character)

void warn_missing(const std::u32string& text, const std::vector<CharStyle>& styles,
                  const std::vector<RunOrigin>& origins, size_t i, WarnedSet& warned,
                  Warnings& warnings) {
  const uint32_t run = styles[i].location;
  if (!warned.insert({run, text[i]}).second) return;
  const SourceLocation where =
      run < origins.size() ? locate_character(origins[run].where, origins[run].source, text[i], 0)
                           : SourceLocation{};
  warnings.push_back({"missing-glyph", where, "no installed font has " + describe(text[i])});
}

}  // namespace

RoleFaces faces_for_role(const FontRole& role, int weight, const std::string& lang,
                         FontCache& fonts) {
  RoleFaces out;
  auto add = [&](const std::string& family) {
    if (auto face = fonts.find(family, weight, lang)) {
      for (FaceId f : out.faces)
        if (f == *face) return;
      out.faces.push_back(*face);
    }
  };
  for (const auto& family : role.families) add(family);
  out.families = out.faces.size();
  for (const auto& family : role.fallback) add(family);
  return out;
}

std::optional<FaceId> face_for_char(char32_t ch, const RoleFaces& candidates, int weight,
                                    const std::string& lang, FontCache& fonts) {
  const size_t tried = is_private_use(ch) ? candidates.families : candidates.faces.size();
  for (size_t k = 0; k < tried; ++k)
    if (fonts.covers(candidates.faces[k], ch)) return candidates.faces[k];
  if (is_private_use(ch)) return std::nullopt;
  return fonts.find_for_char(ch, weight, lang);
}

std::vector<TextRun> itemize(const std::u32string& text, const std::vector<CharStyle>& styles,
                             const FontRole& role, int weight, const std::string& lang,
                             FontCache& fonts, const std::vector<RunOrigin>& origins,
                             Warnings& warnings, const FontRole* emphasis_role) {
  std::vector<TextRun> runs;
  if (text.empty()) return runs;
  const RoleFaces regular = faces_for_role(role, weight, lang, fonts);
  const RoleFaces bold =
      weight >= bold_weight ? regular : faces_for_role(role, bold_weight, lang, fonts);
  RoleFaces emphasised;
  if (emphasis_role) emphasised = faces_for_role(*emphasis_role, emphasis_role->weight, lang, fonts);
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();

  std::vector<FaceId> face_of(text.size());
  WarnedSet warned;
  std::vector<hb_script_t> script_of(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t ch = text[i];
    script_of[i] = hb_unicode_script(unicode, ch);
    const RoleFaces& candidates = styles[i].emphasis && !emphasised.faces.empty() ? emphasised
                                  : styles[i].strong && !bold.faces.empty()       ? bold
                                                                                  : regular;
    if (i > 0 && joins_previous(ch)) {
      face_of[i] = face_of[i - 1];
      continue;
    }
    std::optional<FaceId> chosen;
    // White space and controls: keep the neighbour's face so runs stay long.
    if ((ch == U' ' || ch == U'\n' || ch < 0x20) && !candidates.faces.empty())
      chosen = i > 0 ? face_of[i - 1] : candidates.faces.front();
    else
      chosen = face_for_char(ch, candidates, styles[i].strong ? bold_weight : weight, lang, fonts);
    if (!chosen) {
      warn_missing(text, styles, origins, i, warned, warnings);
      if (candidates.faces.empty())
        throw std::runtime_error("no font available for role '" +
                                 (role.families.empty() ? std::string("?") : role.families[0]) +
                                 "'");
      chosen = candidates.faces.front();
    }
    face_of[i] = *chosen;
  }

  // Common and inherited characters (punctuation, digits, spaces) take the
  // script of the run they sit in, so a Han run is not cut at every comma.
  hb_script_t current = HB_SCRIPT_COMMON;
  for (size_t i = 0; i < text.size(); ++i) {
    if (script_of[i] != HB_SCRIPT_COMMON && script_of[i] != HB_SCRIPT_INHERITED &&
        script_of[i] != HB_SCRIPT_UNKNOWN) {
      current = script_of[i];
      break;
    }
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (script_of[i] == HB_SCRIPT_COMMON || script_of[i] == HB_SCRIPT_INHERITED ||
        script_of[i] == HB_SCRIPT_UNKNOWN)
      script_of[i] = current;
    else
      current = script_of[i];
  }

  for (uint32_t i = 0; i < text.size(); ++i) {
    if (!runs.empty() && runs.back().face == face_of[i] && runs.back().script == script_of[i] &&
        runs.back().strong == styles[i].strong && runs.back().emphasis == styles[i].emphasis &&
        runs.back().link == styles[i].link && runs.back().span == styles[i].span) {
      runs.back().end = i + 1;
      continue;
    }
    runs.push_back({i, i + 1, face_of[i], static_cast<uint32_t>(script_of[i]), styles[i].strong,
                    styles[i].emphasis, styles[i].link, styles[i].span});
  }
  return runs;
}

}  // namespace paiban
