// Text-only content of an element (<title>, a layout's <family> or template).
#pragma once
#include <string>

#include "input/xml_input.hpp"

namespace paiban {

/// Reads text-only content: child elements other than foreign ones are an
/// error. White space folded as in inline content (fold_white_space).
std::string read_text(const XmlInput& input, pugi::xml_node element);

}  // namespace paiban
