#include "manifest/inline_reader.hpp"

#include <cstring>

#include "manifest/vocabulary.hpp"
#include "manifest/white_space.hpp"

namespace paiban {
namespace {

// Deeper inline nesting than this is no newsletter; refusing it keeps the
// recursion below from exhausting the stack on a hostile file.
constexpr int max_depth = 64;

struct RunStyle {
  bool strong = false;
  bool emphasis = false;
  std::string href;
};

class InlineCollector {
 public:
  InlineCollector(const XmlInput& input, bool markup) : input_(input), markup_(markup) {}

  void collect(pugi::xml_node parent, const RunStyle& style, int depth) {
    for (pugi::xml_node child : parent.children()) {
      switch (child.type()) {
        case pugi::node_pcdata:
        case pugi::node_cdata:
          runs_.push_back(
              {child.value(), style.strong, style.emphasis, style.href, false, input_.at(child)});
          break;
        case pugi::node_element:
          if (!input_.is_foreign(child)) element(child, parent, style, depth);
          break;
        default:  // comments, processing instructions
          break;
      }
    }
  }

  InlineText take() { return std::move(runs_); }

 private:
  void element(pugi::xml_node child, pugi::xml_node parent, RunStyle style, int depth) {
    std::string_view name = child.name();
    if (!markup_) {
      input_.fail(child, "<" + std::string(parent.name()) + "> takes text only, not <" +
                             std::string(name) + ">");
    }
    if (depth >= max_depth) input_.fail(child, "inline markup is nested too deeply");
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
    } else {
      reject_element(input_, child, parent);
    }
    collect(child, style, depth + 1);
  }

  const XmlInput& input_;
  bool markup_;
  InlineText runs_;
};

}  // namespace

InlineText read_inline(const XmlInput& input, pugi::xml_node element) {
  InlineCollector collector(input, true);
  collector.collect(element, {}, 0);
  InlineText runs = collector.take();
  fold_white_space(runs);
  return runs;
}

std::string read_text(const XmlInput& input, pugi::xml_node element) {
  InlineCollector collector(input, false);
  collector.collect(element, {}, 0);
  InlineText runs = collector.take();
  fold_white_space(runs);
  return plain_text(runs);
}

}  // namespace paiban
