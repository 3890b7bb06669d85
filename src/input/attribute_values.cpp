#include "input/attribute_values.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

#include "common/utf8.hpp"

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
  // from_chars, not stod: no exception and no locale. A value too large for
  // a double (400 digits) is no value; callers check their own ranges.
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return {};
  return value;
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

std::string quoted_value(std::string_view value) {
  constexpr std::size_t shown = 60;
  if (value.size() <= shown) return "\"" + std::string(value) + "\"";
  std::size_t end = utf8_character_start(value, shown);
  return "\"" + std::string(value.substr(0, end)) + "…\" (" + std::to_string(value.size()) +
         " bytes)";
}

std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char ch = next_utf8_char(text, i);
    units += ch.code_point >= 0x10000 ? 2 : 1;  // beyond the BMP: a surrogate pair
    i += ch.length;
  }
  return units;
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

namespace {

// ASCII only, whatever the locale: a tag is ASCII.
bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
template <class Test>
bool all_of_class(std::string_view s, Test test) {
  for (char c : s)
    if (!test(c)) return false;
  return true;
}
bool letters(std::string_view s) { return all_of_class(s, ascii_letter); }
bool digits(std::string_view s) { return all_of_class(s, ascii_digit); }
bool alphanumeric(std::string_view s) {
  return all_of_class(s, [](char c) { return ascii_letter(c) || ascii_digit(c); });
}

}  // namespace

bool is_bcp47_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > max_language_tag_length) return false;
  std::vector<std::string_view> subtags;
  for (std::size_t begin = 0;;) {
    const std::size_t dash = tag.find('-', begin);
    subtags.push_back(tag.substr(begin, dash == std::string_view::npos ? dash : dash - begin));
    if (subtags.back().empty() || !alphanumeric(subtags.back())) return false;
    if (dash == std::string_view::npos) break;
    begin = dash + 1;
  }
  std::size_t i = 0;
  const std::size_t n = subtags.size();
  auto length = [&](std::size_t k) { return subtags[k].size(); };
  auto private_use = [&] {  // "x" 1*("-" 1*8alphanum), to the end
    if (i + 1 >= n) return false;
    for (std::size_t k = i + 1; k < n; ++k)
      if (length(k) > 8) return false;
    return true;
  };
  if (length(0) == 1 && (subtags[0][0] == 'x' || subtags[0][0] == 'X')) return private_use();
  // language
  if (!letters(subtags[0]) || length(0) < 2 || length(0) > 8) return false;
  i = 1;
  if (length(0) <= 3)  // extlang
    for (int e = 0; e < 3 && i < n && length(i) == 3 && letters(subtags[i]); ++e) ++i;
  if (i < n && length(i) == 4 && letters(subtags[i])) ++i;  // script
  if (i < n && ((length(i) == 2 && letters(subtags[i])) || (length(i) == 3 && digits(subtags[i]))))
    ++i;  // region
  while (i < n && ((length(i) >= 5 && length(i) <= 8) ||
                   (length(i) == 4 && ascii_digit(subtags[i][0]))))
    ++i;  // variants
  while (i < n && length(i) == 1 && subtags[i][0] != 'x' && subtags[i][0] != 'X') {
    ++i;  // an extension: its singleton, then one or more subtags of 2-8
    const std::size_t first = i;
    while (i < n && length(i) >= 2 && length(i) <= 8) ++i;
    if (i == first) return false;
  }
  if (i < n && length(i) == 1) return private_use();
  return i == n;
}

std::string read_choice(const XmlInput& input, pugi::xml_attribute attribute,
                        std::initializer_list<std::string_view> values) {
  std::string value = token_value(attribute), expected;
  for (std::string_view allowed : values) {
    if (value == allowed) return value;
    expected += (expected.empty() ? "" : ", ") + std::string(allowed);
  }
  input.fail(attribute, std::string(attribute.name()) + " must be one of " + expected + ", not " +
                            quoted_value(attribute.value()));
}

}  // namespace paiban
