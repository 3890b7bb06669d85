// Inline content of the manifest: text mixed with strong, em, a, br, ruby and
// span (a language).
#pragma once
#include <string>

#include "input/xml_input.hpp"
#include "paiban/issue.hpp"

namespace paiban {

/// Reads the inline content of `element` into runs, white space folded
/// (fold_white_space). Any other element is an error; foreign ones are skipped.
InlineText read_inline(const XmlInput& input, pugi::xml_node element);

}  // namespace paiban
