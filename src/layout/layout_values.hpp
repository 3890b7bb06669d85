// Attribute values of the layout vocabulary: lengths, colours, templates.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "paiban/layout.hpp"

namespace paiban {

/// "10.5pt", "20mm", "2cm", "1in" or "0" -> points. Negative values refused.
std::optional<double> parse_length(std::string_view text);

/// "2em" or "0" -> ems.
std::optional<double> parse_em(std::string_view text);

/// "cmyk(0,0,0,1)" (each 0..1) or "grey(0.6)" (black ink 0..1, i.e.
/// cmyk(0,0,0,0.6)). White space around the numbers is allowed.
std::optional<Cmyk> parse_color(std::string_view text);

/// The first {field} of `text` not among `fields`, or "{" when a brace is
/// unmatched; empty when every field is known.
std::string unknown_field(std::string_view text, const std::vector<std::string_view>& fields);

}  // namespace paiban
