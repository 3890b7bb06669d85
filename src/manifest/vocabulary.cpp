#include "manifest/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace paiban {

bool is_manifest_element(std::string_view name) {
  static constexpr std::array<std::string_view, 28> names = {
      "issue",   "title",   "subtitle", "organization", "publisher", "toc",   "section",
      "article", "heading", "p",        "subheading",   "list",      "item",  "quote",
      "figure",  "caption", "source",   "backmatter",   "fields",    "field", "strong",
      "em",      "a",       "br",       "ruby",         "rt",        "rp",    "span"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

void reject_element(const XmlInput& input, pugi::xml_node child, pugi::xml_node parent) {
  std::string name = child.name();
  if (!is_manifest_element(name)) {
    input.fail(child, "unknown element <" + name + "> in <" + parent.name() + ">");
  }
  input.fail(child, "<" + name + "> is not allowed in <" + parent.name() + ">");
}

}  // namespace paiban
