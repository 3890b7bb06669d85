#include "manifest/inline_reader.hpp"

#include <cstring>

#include "input/attribute_values.hpp"
#include "input/white_space.hpp"
#include "manifest/text_direction.hpp"
#include "manifest/vocabulary.hpp"

namespace paiban {
namespace {

struct RunStyle {
  bool strong = false;
  bool emphasis = false;
  std::string href;
  std::string lang;  // the innermost <span lang>, else empty
};

class InlineCollector {
 public:
  explicit InlineCollector(const XmlInput& input) : input_(input) {}

  void collect(pugi::xml_node parent, const RunStyle& style) {
    for (pugi::xml_node child : parent.children()) {
      switch (child.type()) {
        case pugi::node_pcdata:
        case pugi::node_cdata:
          if (auto rtl = first_right_to_left(child.value()))
            throw InputError(input_.at(child, rtl->offset), right_to_left_message(*rtl));
          runs_.push_back({child.value(), style.strong, style.emphasis, style.href, false,
                           input_.at(child), {}, style.lang, input_.source_of(child)});
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
      runs_.push_back(
          {"", style.strong, style.emphasis, style.href, true, input_.at(child), {}, style.lang});
      return;
    }
    if (name == "ruby") {
      ruby(child, style);
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
    } else if (name == "span") {
      style.lang = span_language(child);
    } else {
      reject_element(input_, child, parent);
    }
    collect(child, style);
  }

  /// <ruby>BASE<rt>ANNOTATION</rt></ruby>, as in HTML: one base of text,
  /// one <rt> after it; <rp> (fallback parentheses for HTML readers) is
  /// skipped. The base is one run carrying its annotation.
  void ruby(pugi::xml_node node, const RunStyle& style) {
    input_.check_attributes(node, {});
    std::string base, annotation;
    bool have_rt = false;
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        refuse_right_to_left(child);
        if (have_rt && !trimmed(child.value()).empty())
          input_.fail(child, "<ruby> has its base before its <rt>, not after");
        base += child.value();
        continue;
      }
      if (child.type() != pugi::node_element || input_.is_foreign(child)) continue;
      const std::string_view name = child.name();
      if (name == "rp") {
        input_.check_attributes(child, {});
        continue;
      }
      if (name != "rt") input_.fail(child, "<ruby> holds text and one <rt>, not <" + std::string(name) + ">");
      if (have_rt) input_.fail(child, "<ruby> has more than one <rt>");
      input_.check_attributes(child, {});
      for (pugi::xml_node grandchild : child.children()) {
        if (grandchild.type() == pugi::node_pcdata || grandchild.type() == pugi::node_cdata) {
          refuse_right_to_left(grandchild);
          annotation += grandchild.value();
        }
        else if (grandchild.type() == pugi::node_element && !input_.is_foreign(grandchild))
          input_.fail(grandchild,
                      "<rt> takes text only, not <" + std::string(grandchild.name()) + ">");
      }
      annotation = trimmed(annotation);
      if (annotation.empty()) input_.fail(child, "<rt> is empty");
      have_rt = true;
    }
    if (!have_rt) input_.fail(node, "<ruby> needs an <rt> with its annotation");
    base = trimmed(base);
    if (base.empty()) input_.fail(node, "<ruby> has no base text before its <rt>");
    runs_.push_back({base, style.strong, style.emphasis, style.href, false, input_.at(node),
                     std::move(annotation), style.lang});
  }

  /// <span lang="en">: text in another language than the (a
  /// project extension). The tag must be well-formed BCP 47.
  std::string span_language(pugi::xml_node span) const {
    input_.check_attributes(span, {"lang"});
    pugi::xml_attribute lang = span.attribute("lang");
    if (!lang) input_.fail(span, "<span> needs a lang attribute (a language tag such as en or ja)");
    std::string tag = token_value(lang);
    if (tag.size() > max_language_tag_length)
      input_.fail(lang, "lang is " + std::to_string(tag.size()) +
                            " characters long; a language tag has at most " +
                            std::to_string(max_language_tag_length));
    if (!is_bcp47_tag(tag))
      input_.fail(lang, "lang " + quoted_value(lang.value()) +
                            " is not a BCP 47 language tag (e.g. en, ja, zh-Hant, en-GB)");
    return tag;
  }

  /// Ruby text is checked as other text is (right-to-left scripts are refused).
  void refuse_right_to_left(pugi::xml_node text) const {
    if (auto rtl = first_right_to_left(text.value()))
      throw InputError(input_.at(text, rtl->offset), right_to_left_message(*rtl));
  }

  static std::string trimmed(std::string_view text) {
    const char* space = " \t\r\n";
    const size_t begin = text.find_first_not_of(space);
    if (begin == std::string_view::npos) return {};
    return std::string(text.substr(begin, text.find_last_not_of(space) + 1 - begin));
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
