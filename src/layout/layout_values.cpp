#include "layout/layout_values.hpp"

#include <algorithm>
#include <string>

#include "input/attribute_values.hpp"

namespace paiban {

namespace {

std::optional<double> with_unit(std::string_view text, std::string_view unit) {
  if (!text.ends_with(unit)) return {};
  return parse_decimal(text.substr(0, text.size() - unit.size()));
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

/// "a, b, c" -> numbers in 0..1, exactly `count` of them.
std::optional<std::vector<double>> unit_numbers(std::string_view text, std::size_t count) {
  std::vector<double> out;
  while (true) {
    std::size_t comma = text.find(',');
    auto value = parse_decimal(trim(text.substr(0, comma)));
    if (!value || *value > 1) return {};
    out.push_back(*value);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  if (out.size() != count) return {};
  return out;
}

}  // namespace

std::optional<double> parse_length(std::string_view text) {
  if (text == "0") return 0.0;
  if (auto pt = with_unit(text, "pt")) return *pt;
  if (auto mm = with_unit(text, "mm")) return *mm * 72 / 25.4;
  if (auto cm = with_unit(text, "cm")) return *cm * 72 / 2.54;
  if (auto in = with_unit(text, "in")) return *in * 72;
  return {};
}

std::optional<double> parse_em(std::string_view text) {
  if (text == "0") return 0.0;
  return with_unit(text, "em");
}

std::optional<Cmyk> parse_color(std::string_view text) {
  if (!text.ends_with(")")) return {};
  if (text.starts_with("cmyk(")) {
    auto v = unit_numbers(text.substr(5, text.size() - 6), 4);
    if (v) return Cmyk{(*v)[0], (*v)[1], (*v)[2], (*v)[3]};
  } else if (text.starts_with("grey(")) {
    auto v = unit_numbers(text.substr(5, text.size() - 6), 1);
    if (v) return Cmyk{0, 0, 0, (*v)[0]};
  }
  return {};
}

std::string unknown_field(std::string_view text, const std::vector<std::string_view>& fields) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '}') return "}";
    if (text[i] != '{') continue;
    std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) return "{";
    std::string_view field = text.substr(i + 1, close - i - 1);
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      return "{" + std::string(field) + "}";
    }
    i = close;
  }
  return "";
}

}  // namespace paiban
