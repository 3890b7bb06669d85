// parse_manifest(): the manifest vocabulary (shared/spec/manifest.md) read
// into the Issue model. XML details stay in XmlInput; this file knows which
// element goes where.
#include <array>
#include <map>

#include "common/utf8.hpp"
#include "input/attribute_values.hpp"
#include "input/text_content.hpp"
#include "input/white_space.hpp"
#include "input/xml_input.hpp"
#include "manifest/figure_file.hpp"
#include "manifest/inline_reader.hpp"
#include "manifest/iso_date.hpp"
#include "manifest/text_direction.hpp"
#include "manifest/vocabulary.hpp"
#include "paiban/manifest.hpp"

namespace paiban {

static_assert(max_manifest_bytes == max_input_bytes, "the manifest is read as any input");
namespace {

bool is_block(std::string_view name) {
  return name == "p" || name == "subheading" || name == "list" || name == "quote" ||
         name == "figure" || name == "box";
}

class ManifestReader {
 public:
  ManifestReader(const XmlInput& input, const std::string& path, const ManifestOptions& options)
      : in_(input), path_(path), options_(options) {}

  Issue read() {
    pugi::xml_node root = in_.expect_root("issue");
    Issue issue;
    issue.manifest_path = path_;
    read_issue_attributes(root, issue);
    read_issue_children(root, issue);
    check_contents_size(issue);
    return issue;
  }

 private:
  void read_issue_attributes(pugi::xml_node root, Issue& issue) {
    in_.check_attributes(root, {"version", "layout", "lang", "date", "number"});
    pugi::xml_attribute version = root.attribute("version");
    if (!version) in_.fail(root, "<issue> needs version=\"1\"");
    if (token_value(version) != "1") {
      in_.fail(version, "unsupported manifest version " + quoted_value(version.value()) +
                            " (this program reads version 1)");
    }
    pugi::xml_attribute layout = root.attribute("layout");
    issue.layout = token_value(layout);
    issue.layout_where = layout ? in_.at(layout) : in_.at(root);
    if (pugi::xml_attribute lang = root.attribute("lang")) {
      issue.lang = token_value(lang);
      if (!is_language_tag(issue.lang)) {
        in_.fail(lang, "lang " + quoted_value(lang.value()) +
                           " is not a language tag (e.g. zh-Hans, zh-Hant, ja)");
      }
    }
    pugi::xml_attribute date = root.attribute("date");
    if (!date) in_.fail(root, "<issue> needs a date attribute (YYYY-MM-DD)");
    auto parsed = parse_iso_date(token_value(date));
    if (!parsed) {
      in_.fail(date,
               "date " + quoted_value(date.value()) + " is not a calendar date written YYYY-MM-DD");
    }
    issue.date = *parsed;
    issue.number = token_value(root.attribute("number"));
  }

  // The children of <issue>, in the spec's order; `max` 0 = any number.
  struct Slot {
    std::string_view name;
    int min, max;
  };
  static constexpr std::array<Slot, 7> issue_slots = {{{"title", 1, 1},
                                                       {"subtitle", 0, 1},
                                                       {"organization", 0, 1},
                                                       {"publisher", 1, 1},
                                                       {"toc", 0, 1},
                                                       {"section", 1, 0},
                                                       {"backmatter", 0, 1}}};

  void read_issue_children(pugi::xml_node root, Issue& issue) {
    std::array<int, issue_slots.size()> count{};
    std::size_t current = 0;
    for (pugi::xml_node child : in_.element_children(root)) {
      std::string_view name = child.name();
      std::size_t slot = 0;
      while (slot < issue_slots.size() && issue_slots[slot].name != name) ++slot;
      if (slot == issue_slots.size()) reject_element(in_, child, root);
      if (slot < current) {
        in_.fail(child, "<" + std::string(name) + "> must come before <" +
                            std::string(issue_slots[current].name) + "> in <issue>");
      }
      for (std::size_t skipped = current; skipped < slot; ++skipped) {
        if (count[skipped] < issue_slots[skipped].min)
          missing(root, child, issue_slots[skipped].name);
      }
      current = slot;
      if (issue_slots[slot].max && count[slot] == issue_slots[slot].max) {
        in_.fail(child, "only one <" + std::string(name) + "> is allowed in <issue>");
      }
      ++count[slot];
      read_issue_child(child, issue);
    }
    for (std::size_t slot = current; slot < issue_slots.size(); ++slot) {
      if (count[slot] < issue_slots[slot].min) {
        in_.fail(root, "<issue> has no <" + std::string(issue_slots[slot].name) + ">");
      }
    }
  }

  // A missing element is reported at its parent, as "<issue> has no <section>"
  // is, naming what it should have come before.
  [[noreturn]] void missing(pugi::xml_node root, pugi::xml_node next, std::string_view expected) {
    in_.fail(root, "<issue> has no <" + std::string(expected) + "> (it comes before <" +
                       next.name() + ">)");
  }

  void read_issue_child(pugi::xml_node child, Issue& issue) {
    std::string_view name = child.name();
    if (name == "section") {
      issue.sections.push_back(read_section(child));
      return;
    }
    if (name == "backmatter") {
      issue.backmatter = read_backmatter(child);
      return;
    }
    if (name == "toc") {
      issue.toc = read_toc(child);
      return;
    }
    in_.check_attributes(child, {});
    if (name == "title")
      issue.title = pdf_text(child, "<title>", counted_text(child), "the document title");
    if (name == "subtitle") issue.subtitle = counted(child);
    if (name == "organization") {
      issue.organization = counted(child);
      pdf_text(child, "<organization>", plain_text(*issue.organization), "the document subject");
    }
    if (name == "publisher") {
      issue.publisher = counted(child);
      pdf_text(child, "<publisher>", plain_text(issue.publisher), "the document author");
    }
  }

  // Sections and articles are bookmarks and lines of the contents, each a
  // few PDF objects: 100,000 of them set in some 0.5 GB.
  static constexpr std::size_t max_headings = 100'000;
  static constexpr std::size_t max_contents_entries = 20'000;

  void count_heading(pugi::xml_node node) {
    if (++headings_ > max_headings) {
      in_.fail(node, "more than " + std::to_string(max_headings) +
                         " sections and articles by this one; paiban sets at most that many in "
                         "one issue (split it into several issues)");
    }
  }

  /// The contents list every section, article (depth 2) and subheading
  /// (depth 3) up to its depth: refused at <toc> beyond max_contents_entries.
  void check_contents_size(const Issue& issue) {
    if (!issue.toc) return;
    std::size_t entries = 0;
    for (const Section& section : issue.sections) {
      ++entries;
      if (issue.toc->depth < 2) continue;
      for (const Article& article : section.articles) {
        ++entries;
        if (issue.toc->depth < 3) continue;
        for (const Block& block : article.blocks) entries += block.kind == BlockKind::subheading;
      }
    }
    if (entries > max_contents_entries) {
      throw InputError(issue.toc->where, "the contents would list " + std::to_string(entries) +
                                             " entries; paiban sets at most " +
                                             std::to_string(max_contents_entries) +
                                             " (give <toc> a smaller depth, or split the issue)");
    }
  }

  // What one issue may hold, so that memory stays bounded (docs/manifest.md):
  // a text element of at most 1 million characters (a 500-page paragraph;
  // its line breaking is what costs most) and 6 million in the whole issue
  // (the 16 MB a manifest may be, in Han characters).
  static constexpr std::size_t max_element_characters = 1'000'000;
  static constexpr std::size_t max_issue_characters = 6'000'000;
  // Each text is at least one line (a million set in some 0.9 GB).
  static constexpr std::size_t max_text_elements = 1'000'000;

  std::size_t count_characters(pugi::xml_node node, const InlineText& text) {
    std::size_t characters = 0;
    for (const InlineRun& run : text) characters += count_utf8_characters(run.text);
    if (characters > max_element_characters) {
      in_.fail(node, "<" + std::string(node.name()) + "> holds " + std::to_string(characters) +
                         " characters; paiban sets at most " +
                         std::to_string(max_element_characters) +
                         " in one element (split it into paragraphs)");
    }
    if (++text_elements_ > max_text_elements) {
      in_.fail(node, "more than " + std::to_string(max_text_elements) +
                         " paragraphs, items and other texts by this one; paiban sets at most "
                         "that many in one issue (split it into several issues)");
    }
    characters_ += characters;
    if (characters_ > max_issue_characters) {
      in_.fail(node, "the issue holds more than " + std::to_string(max_issue_characters) +
                         " characters of text by this element; paiban sets at most that many in "
                         "one issue (split it into several issues)");
    }
    return characters;
  }

  InlineText counted(pugi::xml_node node) {
    InlineText text = read_inline(in_, node);
    count_characters(node, text);
    return text;
  }

  std::string counted_text(pugi::xml_node node) {
    std::string text = read_text(in_, node);
    count_characters(node, {InlineRun{.text = text}});
    return text;
  }

  /// An attribute that is text to set (a section title, a field label).
  std::string text_attribute(pugi::xml_attribute attribute) {
    if (auto rtl = first_right_to_left(attribute.value()))
      in_.fail(attribute, right_to_left_message(*rtl));
    return fold_white_space(attribute.value());
  }

  /// Text that also goes into a PDF text string (`role`): refused here, at
  /// `what` (its element or attribute), when it is longer than libharu writes.
  template <typename Where>
  std::string pdf_text(Where where, std::string_view what, std::string text,
                       std::string_view role) {
    std::size_t units = utf16_length(text);
    if (units > max_pdf_text_units) {
      in_.fail(where, std::string(what) + " is " + std::to_string(units) +
                          " UTF-16 units long, more than the " +
                          std::to_string(max_pdf_text_units) + " a PDF string holds (it is also " +
                          std::string(role) + ")");
    }
    return text;
  }

  TocRequest read_toc(pugi::xml_node toc) {
    in_.check_attributes(toc, {"title", "depth"});
    if (!in_.element_children(toc).empty()) in_.fail(toc, "<toc> must be empty");
    TocRequest request;
    request.where = in_.at(toc);
    if (pugi::xml_attribute title = toc.attribute("title")) request.title = text_attribute(title);
    if (pugi::xml_attribute depth = toc.attribute("depth")) {
      std::string value = token_value(depth);
      if (value != "1" && value != "2" && value != "3") {
        in_.fail(depth, "toc depth must be 1, 2 or 3, not " + quoted_value(depth.value()));
      }
      request.depth = value[0] - '0';
    }
    return request;
  }

  Section read_section(pugi::xml_node node) {
    in_.check_attributes(node, {"title", "columns"});
    count_heading(node);
    pugi::xml_attribute title = node.attribute("title");
    if (!title) in_.fail(node, "<section> needs a title attribute");
    Section section{
        pdf_text(title, "section title", text_attribute(title), "a bookmark"), in_.at(node), {}};
    // section/@columns (a project extension): the section's text in 1-3
    // columns, whatever the layout's <columns count> says.
    if (pugi::xml_attribute columns = node.attribute("columns")) {
      auto count = parse_whole(token_value(columns), 3);
      if (!count || *count < 1)
        in_.fail(columns, "section columns must be 1, 2 or 3, not " + quoted_value(columns.value()));
      section.columns = *count;
    }
    for (pugi::xml_node child : in_.element_children(node)) {
      if (std::string_view(child.name()) != "article") reject_element(in_, child, node);
      section.articles.push_back(read_article(child));
    }
    if (section.articles.empty()) in_.fail(node, "<section> has no <article>");
    return section;
  }

  Article read_article(pugi::xml_node node) {
    in_.check_attributes(node, {"id"});
    count_heading(node);
    Article article;
    article.where = in_.at(node);
    if (pugi::xml_attribute id = node.attribute("id")) {
      article.id = token_value(id);
      auto [first, inserted] = ids_.emplace(article.id, in_.at(id));
      if (!article.id.empty() && !inserted) {
        in_.fail(id, "duplicate article id \"" + article.id + "\" (first used at line " +
                         std::to_string(first->second.line) + ")");
      }
    }
    std::vector<pugi::xml_node> children = in_.element_children(node);
    if (children.empty() || std::string_view(children.front().name()) != "heading") {
      in_.fail(children.empty() ? node : children.front(), "<article> must start with <heading>");
    }
    pugi::xml_node source;
    for (pugi::xml_node child : children) {
      std::string_view name = child.name();
      if (source) {
        in_.fail(source, "<source> must be the last element of <article> (<" + std::string(name) +
                             "> follows it)");
      }
      if (name == "heading") {
        if (child != children.front()) in_.fail(child, "<article> has one <heading>, first");
        in_.check_attributes(child, {});
        article.heading = counted(child);
        pdf_text(child, "<heading>", plain_text(article.heading), "a bookmark");
      } else if (name == "source") {
        in_.check_attributes(child, {});
        source = child;
        article.source = counted(child);
      } else if (is_block(name)) {
        article.blocks.push_back(read_block(child));
      } else {
        reject_element(in_, child, node);
      }
    }
    return article;
  }

  std::vector<Block> read_backmatter(pugi::xml_node node) {
    in_.check_attributes(node, {});
    std::vector<Block> blocks;
    for (pugi::xml_node child : in_.element_children(node)) {
      std::string_view name = child.name();
      if (name == "heading") {
        in_.check_attributes(child, {});
        Block block;
        block.kind = BlockKind::heading;
        block.where = in_.at(child);
        block.text = counted(child);
        blocks.push_back(std::move(block));
      } else if (name == "fields") {
        blocks.push_back(read_fields(child));
      } else if (is_block(name)) {
        blocks.push_back(read_block(child));
      } else {
        reject_element(in_, child, node);
      }
    }
    return blocks;
  }

  Block read_block(pugi::xml_node node) {
    std::string_view name = node.name();
    Block block;
    block.where = in_.at(node);
    if (name == "p") {
      in_.check_attributes(node, {"indent"});
      block.kind = BlockKind::paragraph;
      block.indent = read_choice(node.attribute("indent"), {"yes", "no"}, "yes") == "yes";
      block.text = counted(node);
    } else if (name == "subheading") {
      in_.check_attributes(node, {});
      block.kind = BlockKind::subheading;
      block.text = counted(node);
    } else if (name == "list") {
      read_list(node, block);
    } else if (name == "quote") {
      in_.check_attributes(node, {});
      block.kind = BlockKind::quote;
      for (pugi::xml_node child : in_.element_children(node)) {
        if (std::string_view(child.name()) != "p") reject_element(in_, child, node);
        block.paragraphs.push_back(read_block(child));
      }
      if (block.paragraphs.empty()) in_.fail(node, "<quote> has no <p>");
    } else if (name == "box") {
      // A project extension: a sidebar of paragraphs and subheadings, framed by the layout.
      in_.check_attributes(node, {"title"});
      block.kind = BlockKind::box;
      if (pugi::xml_attribute title = node.attribute("title"))
        block.text = {InlineRun{.text = fold_white_space(title.value()),
                                .where = in_.at(title),
                                .source = in_.source_of(title)}};
      for (pugi::xml_node child : in_.element_children(node)) {
        const std::string_view kind = child.name();
        if (kind != "p" && kind != "subheading") reject_element(in_, child, node);
        block.paragraphs.push_back(read_block(child));
      }
      if (block.paragraphs.empty()) in_.fail(node, "<box> has no <p>");
    } else {
      read_figure(node, block);
    }
    return block;
  }

  void read_list(pugi::xml_node node, Block& block) {
    in_.check_attributes(node, {"columns", "marker"});
    block.kind = BlockKind::list;
    if (pugi::xml_attribute columns = node.attribute("columns")) {
      auto count = parse_whole(token_value(columns), 9999);
      if (!count) {
        in_.fail(columns, "list columns must be a whole number from 1 to 9999, not " +
                              quoted_value(columns.value()));
      }
      block.columns = *count;
    }
    std::string marker =
        read_choice(node.attribute("marker"), {"none", "bullet", "number"}, "none");
    block.marker = marker == "bullet"   ? ListMarker::bullet
                   : marker == "number" ? ListMarker::number
                                        : ListMarker::none;
    for (pugi::xml_node child : in_.element_children(node)) {
      if (std::string_view(child.name()) != "item") reject_element(in_, child, node);
      in_.check_attributes(child, {});
      block.items.push_back(counted(child));
    }
    if (block.items.empty()) in_.fail(node, "<list> has no <item>");
  }

  void read_figure(pugi::xml_node node, Block& block) {
    in_.check_attributes(node, {"src", "width", "alt", "place", "span", "credit"});
    block.kind = BlockKind::figure;
    // Alternate text for readers who cannot see the picture (tagged PDF /Alt).
    if (pugi::xml_attribute alt = node.attribute("alt")) block.figure_alt = fold_white_space(alt.value());
    pugi::xml_attribute src = node.attribute("src");
    if (!src) in_.fail(node, "<figure> needs a src attribute");
    block.figure_path = resolve_figure(in_, src, path_, options_.allow_outside);
    // Read once, here: every later stage works from these facts.
    try {
      block.figure = read_image_facts(block.figure_path);
    } catch (const ImageError& error) {
      in_.fail(node, "image " + block.figure_path + " cannot be used: " + error.what());
    }
    if (pugi::xml_attribute width = node.attribute("width")) {
      auto fraction = parse_decimal(token_value(width));
      if (!fraction || *fraction <= 0 || *fraction > 1) {
        in_.fail(width,
                 "figure width must be a fraction of the measure, more than 0 and at "
                 "most 1, not " +
                     quoted_value(width.value()));
      }
      block.figure_width = *fraction;
    }
    // Project extensions: where the figure stands, how wide it may be, who made it.
    const std::string place = read_choice(
        node.attribute("place"), {"here", "top", "bottom", "column-top", "column-bottom"}, "here");
    block.figure_place = place == "top"             ? FigurePlace::top
                         : place == "bottom"        ? FigurePlace::bottom
                         : place == "column-top"    ? FigurePlace::column_top
                         : place == "column-bottom" ? FigurePlace::column_bottom
                                                    : FigurePlace::here;
    const std::string span = read_choice(node.attribute("span"), {"column", "all", "bleed"}, "column");
    block.figure_span = span == "all"     ? FigureSpan::all
                        : span == "bleed" ? FigureSpan::bleed
                                          : FigureSpan::column;
    // A bleed figure is as wide as the page: a width would have no effect.
    if (block.figure_span == FigureSpan::bleed && node.attribute("width"))
      in_.fail(node.attribute("width"),
               "figure width has no effect with span=\"bleed\" (the picture is as wide as the page)");
    if (pugi::xml_attribute credit = node.attribute("credit"))
      block.figure_credit = text_attribute(credit);
    bool has_caption = false;
    for (pugi::xml_node child : in_.element_children(node)) {
      if (std::string_view(child.name()) != "caption") reject_element(in_, child, node);
      if (has_caption) in_.fail(child, "<figure> has at most one <caption>");
      in_.check_attributes(child, {});
      has_caption = true;
      block.text = counted(child);
    }
  }

  Block read_fields(pugi::xml_node node) {
    in_.check_attributes(node, {});
    Block block;
    block.kind = BlockKind::fields;
    block.where = in_.at(node);
    for (pugi::xml_node child : in_.element_children(node)) {
      if (std::string_view(child.name()) != "field") reject_element(in_, child, node);
      in_.check_attributes(child, {"label"});
      pugi::xml_attribute label = child.attribute("label");
      if (!label) in_.fail(child, "<field> needs a label attribute");
      block.fields.push_back({text_attribute(label), counted(child), in_.at(child)});
    }
    if (block.fields.empty()) in_.fail(node, "<fields> has no <field>");
    return block;
  }

  /// An enumerated attribute: absent gives `fallback`, else one of `values`.
  std::string read_choice(pugi::xml_attribute attribute,
                          std::initializer_list<std::string_view> values,
                          std::string_view fallback) {
    return attribute ? paiban::read_choice(in_, attribute, values) : std::string(fallback);
  }

  const XmlInput& in_;
  const std::string& path_;
  const ManifestOptions& options_;
  std::map<std::string, SourceLocation> ids_;
  std::size_t characters_ = 0;  ///< of text read so far
  std::size_t headings_ = 0;    ///< sections and articles read so far
  std::size_t text_elements_ = 0;
};

}  // namespace

Issue parse_manifest(const std::string& bytes, const std::string& path,
                     const ManifestOptions& options) {
  XmlInput input(bytes, path);
  return ManifestReader(input, path, options).read();
}

Issue parse_manifest_file(const std::string& path, const ManifestOptions& options) {
  return parse_manifest(read_input_file(path, "manifest"), path, options);
}

}  // namespace paiban
