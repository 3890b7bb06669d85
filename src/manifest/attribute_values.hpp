// Typed attribute values shared by the manifest and layout readers.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "manifest/xml_input.hpp"

namespace paiban {

/// A plain non-negative decimal: "1", "0.5", ".5" (not "1.", "+1", "1e3").
std::optional<double> parse_decimal(std::string_view text);

/// A whole number from 1 to `max`, digits only, no leading zero.
std::optional<int> parse_whole(std::string_view text, int max);

/// The shape of xsd:language, which BCP 47 tags have: "zh-Hans", "ja".
bool is_language_tag(std::string_view tag);

/// An enumerated attribute's token value; throws at the attribute, listing
/// `values`, when it is none of them.
std::string read_choice(const XmlInput& input, pugi::xml_attribute attribute,
                        std::initializer_list<std::string_view> values);

}  // namespace paiban
