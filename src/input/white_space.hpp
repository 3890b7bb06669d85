// The manifest's white-space rule, applied to inline content as a whole (the
// layout reader folds its text-only content the same way).
#pragma once
#include <string>
#include <string_view>

#include "paiban/issue.hpp"

namespace paiban {

/// Folds XML white space in `runs` as the spec says: a run of white space
/// between two CJK characters is dropped, any other run becomes one space; runs
/// at the start or end of the block, or next to a <br/>, are dropped. Runs
/// crossing inline elements ("中 <em>文</em>") are judged by the characters on
/// either side, whichever element they are in; a kept space stays in the run
/// where the white space began. Runs left empty are removed (except <br/>).
void fold_white_space(InlineText& runs);

/// The same rule for one piece of text, such as a title or label attribute.
std::string fold_white_space(std::string_view text);

/// True when the spec's rule counts `c` as CJK: East Asian Width Wide or
/// Fullwidth (Han, kana, Hangul, CJK and full-width punctuation). The audit
/// tool (shared/tools/pdf-audit, manifest_spaces) uses the same test.
bool is_cjk_for_spacing(char32_t c);

}  // namespace paiban
