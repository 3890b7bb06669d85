// Itemizing: split a paragraph's characters into runs of one face, one
// script and one style, choosing each character's face by coverage.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "paiban/diagnostics.hpp"
#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/shape.hpp"

namespace paiban {

/// Per-character style, as the inline markup says.
struct CharStyle {
  bool strong = false;
  bool emphasis = false;  ///< inside <em>
  int link = -1;
  int span = -1;  ///< index in ShapedParagraph::spans
  uint32_t location = 0;  ///< index into the paragraph's list of run origins
};

/// Where a run of a paragraph's text comes from (InlineRun::where, ::source),
/// for a warning about one of its characters.
struct RunOrigin {
  SourceLocation where;
  SourceText source;
};

/// A run to shape: characters [begin, end) of the paragraph, one face, one script.
struct TextRun {
  uint32_t begin = 0, end = 0;
  FaceId face = 0;
  uint32_t script = 0;  ///< hb_script_t
  bool strong = false;
  bool emphasis = false;
  int link = -1;
  int span = -1;  ///< its language, when not the paragraph's (ShapedParagraph::spans)
};

/// Splits `text` into runs. A character no candidate face has goes to any
/// installed face that has it (fontconfig), else to the first face as glyph 0
/// with a "missing-glyph" warning at the character, in `origins[style.location]`.
/// `emphasis_role`: the faces for <em> text (a Kai family, say), else the role's.
std::vector<TextRun> itemize(const std::u32string& text, const std::vector<CharStyle>& styles,
                             const FontRole& role, int weight, const std::string& lang,
                             FontCache& fonts, const std::vector<RunOrigin>& origins,
                             Warnings& warnings, const FontRole* emphasis_role = nullptr);

}  // namespace paiban
