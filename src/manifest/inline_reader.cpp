#include "manifest/inline_reader.hpp"

#include <cstring>

#include "input/attribute_values.hpp"
#include "input/white_space.hpp"
#include "manifest/vocabulary.hpp"

namespace paiban {
namespace {

struct RunStyle {
  bool strong = false;
  bool emphasis = false;
  std::string href;
};

class InlineCollector {
 public:
  explicit InlineCollector(const XmlInput& input) : input_(input) {}

  void collect(pugi::xml_node parent, const RunStyle& style) {
    for (pugi::xml_node child : parent.children()) {
      switch (child.type()) {
        case pugi::node_pcdata:
        case pugi::node_cdata:
          runs_.push_back(
              {child.value(), style.strong, style.emphasis, style.href, false, input_.at(child)});
          break;
        case pugi::node_element:
          if (!input_.is_foreign(child)) element(child, parent, style);
          break;
        default:  // comments, processing instructions
          break;
      }
    }
  }

  InlineText take() { return std::move(runs_); }

 private:
  void element(pugi::xml_node child, pugi::xml_node parent, RunStyle style) {
    std::string_view name = child.name();
    if (name == "br") {
      input_.check_attributes(child, {});
      if (!input_.element_children(child).empty()) input_.fail(child, "<br> must be empty");
      runs_.push_back({"", style.strong, style.emphasis, style.href, true, input_.at(child)});
      return;
    }
    if (name == "strong" || name == "em") {
      input_.check_attributes(child, {});
      (name == "strong" ? style.strong : style.emphasis) = true;
    } else if (name == "a") {
      input_.check_attributes(child, {"href"});
      pugi::xml_attribute href = child.attribute("href");
      if (!href) input_.fail(child, "<a> needs an href attribute");
      if (!style.href.empty()) input_.fail(child, "<a> cannot be inside another <a>");
      style.href = token_value(href);
      if (style.href.empty()) input_.fail(href, "href is empty");
      if (style.href.size() > max_pdf_string_bytes) {
        input_.fail(href, "href is " + std::to_string(style.href.size()) +
                              " bytes long; a PDF link holds at most " +
                              std::to_string(max_pdf_string_bytes));
      }
    } else {
      reject_element(input_, child, parent);
    }
    collect(child, style);
  }

  const XmlInput& input_;
  InlineText runs_;
};

}  // namespace

InlineText read_inline(const XmlInput& input, pugi::xml_node element) {
  InlineCollector collector(input);
  collector.collect(element, {});
  InlineText runs = collector.take();
  fold_white_space(runs);
  return runs;
}

}  // namespace paiban
