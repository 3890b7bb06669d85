// The manifest's element names (spec: shared/spec/manifest.md, "Elements").
#pragma once
#include <string_view>

#include "input/xml_input.hpp"

namespace paiban {

/// True for every element name the manifest vocabulary defines.
bool is_manifest_element(std::string_view name);

/// Throws for `child` standing where it may not: "unknown element <x>" when
/// the vocabulary has no such element, else "<x> is not allowed in <parent>".
[[noreturn]] void reject_element(const XmlInput& input, pugi::xml_node child,
                                 pugi::xml_node parent);

}  // namespace paiban
