#include "paginate/structure.hpp"

namespace paiban {

StructureBuilder::StructureBuilder(std::vector<StructureElement>& elements) : elements_(elements) {
  if (elements_.empty()) elements_.push_back({"Document", -1, {}, {}});
}

int StructureBuilder::add(const std::string& role, int parent, const std::string& alt) {
  elements_.push_back({role, parent, alt, {}});
  return static_cast<int>(elements_.size() - 1);
}

std::string role_of_style(const TextStyle& style, const EngineStyles& engine) {
  // Headings keep their levels in order (PDF/UA: no level skipped): sections,
  // then articles (and back-matter headings), then subheadings.
  if (&style == &engine.section) return "H1";
  if (&style == &engine.heading || &style == &engine.backmatter_heading) return "H2";
  if (&style == &engine.subheading) return "H3";
  if (&style == &engine.caption) return "Caption";
  if (&style == &engine.source) return "Note";
  return "P";
}

}  // namespace paiban
