// The logical structure (tagged PDF) as pagination meets it: elements are
// added in the manifest's order under the element that is open, and painted
// items name the element they belong to.
#pragma once
#include <string>
#include <vector>

#include "paiban/document.hpp"
#include "paiban/layout.hpp"

namespace paiban {

class StructureBuilder {
 public:
  /// Adds to `elements`, starting them with the Document root (index 0)
  /// when empty. The root is the open parent.
  explicit StructureBuilder(std::vector<StructureElement>& elements);

  /// Adds an element under `parent` and returns its index.
  int add(const std::string& role, int parent, const std::string& alt = {});
  /// Gives `element` a language of its own (BCP 47): /Lang.
  void set_lang(int element, std::string lang) { elements_.at(element).lang = std::move(lang); }
  /// Adds an element under the open parent.
  int add(const std::string& role) { return add(role, parent_); }

  /// Where add(role) puts elements now.
  int parent() const { return parent_; }
  void set_parent(int parent) { parent_ = parent; }

 private:
  std::vector<StructureElement>& elements_;
  int parent_ = 0;
};

/// The structure type of a paragraph set in one of the engine's styles:
/// section -> H1, heading and back-matter heading -> H2, subheading -> H3,
/// caption -> Caption, source -> Note, else P.
std::string role_of_style(const TextStyle& style, const EngineStyles& engine);

}  // namespace paiban
