#include "manifest/attribute_values.hpp"

#include <cctype>

namespace paiban {

std::optional<double> parse_decimal(std::string_view text) {
  std::size_t dot = text.find('.');
  bool digits = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') {
      digits = true;
    } else if (i != dot) {
      return {};
    }
  }
  if (!digits || (dot != std::string_view::npos && dot + 1 == text.size())) return {};
  return std::stod(std::string(text));
}

std::optional<int> parse_whole(std::string_view text, int max) {
  if (text.empty() || text[0] == '0' || text.size() > 9) return {};
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return {};
    value = value * 10 + (c - '0');
  }
  if (value > max) return {};
  return value;
}

bool is_language_tag(std::string_view tag) {
  std::size_t part = 0, length = 0;
  for (char c : tag) {
    if (c == '-') {
      if (length == 0) return false;
      ++part, length = 0;
    } else if (std::isalpha(static_cast<unsigned char>(c)) ||
               (part > 0 && std::isdigit(static_cast<unsigned char>(c)))) {
      if (++length > 8) return false;
    } else {
      return false;
    }
  }
  return length > 0;
}

std::string read_choice(const XmlInput& input, pugi::xml_attribute attribute,
                        std::initializer_list<std::string_view> values) {
  std::string value = token_value(attribute), expected;
  for (std::string_view allowed : values) {
    if (value == allowed) return value;
    expected += (expected.empty() ? "" : ", ") + std::string(allowed);
  }
  input.fail(attribute, std::string(attribute.name()) + " must be one of " + expected + ", not \"" +
                            attribute.value() + "\"");
}

}  // namespace paiban
