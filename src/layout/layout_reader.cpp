// parse_layout_file(): the layout vocabulary (docs/layout.md) read into the
// Layout model, with the same strict FILE:LINE:COLUMN errors as manifests.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>

#include "input/attribute_values.hpp"
#include "input/text_content.hpp"
#include "input/xml_input.hpp"
#include "layout/layout_values.hpp"
#include "layout/required_styles.hpp"
#include "input/file_reference.hpp"
#include "paiban/layout.hpp"

namespace paiban {
namespace {

const std::vector<std::string_view> furniture_fields = {
    "title", "date", "section", "page", "pages", "number", "organization", "publisher"};
const std::vector<std::string_view> cover_fields = {"title",  "subtitle",     "date",
                                                    "number", "organization", "publisher"};
const std::vector<std::string_view> date_fields = {"yyyy", "mm", "dd", "m", "d"};
const std::vector<std::string_view> figure_fields = {"n"};

// Ranges of the layout's numbers. A PDF page side is at most 14,400 pt (200
// in; libharu's and Acrobat's limit), so no length is longer; type from 1 pt
// to 600 pt (libharu's largest font size) keeps the leader dots, glyph
// counts and line counts of a page bounded.
constexpr double max_length_pt = 14400;
constexpr double min_page_side_pt = 72;
// With bleed and crop marks (print) the sheet stays within 14,400 pt.
constexpr double max_page_side_pt = 14000;
constexpr double min_type_size_pt = 1;
constexpr double max_type_size_pt = 600;
constexpr double max_bleed_pt = 72;
constexpr double max_indent_em = 50;
// Columns: at most 3 (docs/layout.md), none narrower than 8 em of body text.
constexpr int max_columns = 3;
constexpr double min_column_em = 8;

/// A reference to a style or font role, checked once the whole file is read
/// (a style may name a font role defined further down).
struct Reference {
  std::string name;
  SourceLocation where;
};

class LayoutReader {
 public:
  LayoutReader(const XmlInput& input, const std::string& path) : in_(input) {
    layout_.path = path;
    layout_.name = std::filesystem::path(path).stem().string();
  }

  Layout read() {
    pugi::xml_node root = in_.expect_root("layout");
    in_.check_attributes(root, {"version", "lang"});
    pugi::xml_attribute version = root.attribute("version");
    if (!version) in_.fail(root, "<layout> needs version=\"1\"");
    if (token_value(version) != "1")
      in_.fail(version, "unsupported layout version (this program reads 1)");
    if (pugi::xml_attribute lang = root.attribute("lang")) {
      layout_.lang = token_value(lang);
      if (!is_language_tag(layout_.lang))
        in_.fail(lang, "lang is not a language tag (e.g. zh-Hans)");
    }

    std::set<std::string> seen;
    for (pugi::xml_node child : in_.element_children(root)) {
      std::string name = child.name();
      std::string key = name;  // a verso and a recto (or "all") header may both be given
      if ((name == "header" || name == "footer") && child.attribute("pages") &&
          token_value(child.attribute("pages")) == "verso")
        key += ":verso";
      if (name != "font" && name != "style" && name != "words" && name != "color" &&
          !seen.insert(key).second) {
        if (key == name && (name == "header" || name == "footer"))
          in_.fail(child, "only one <" + name + "> for right-hand pages (pages=\"all\" or "
                          "\"recto\") is allowed in <layout>");
        if (key != name)
          in_.fail(child, "only one <" + name + " pages=\"verso\"> is allowed in <layout>");
        in_.fail(child, "only one <" + name + "> is allowed in <layout>");
      }
      read_child(child);
    }
    // pages="recto" with no verso furniture: left-hand pages have none.
    if (header_recto_only_ && !layout_.header_verso) layout_.header_verso.emplace();
    if (footer_recto_only_ && !layout_.footer_verso) layout_.footer_verso.emplace();
    check_references(root);
    resolve_engine_styles();
    check_columns();
    return std::move(layout_);
  }

 private:
  void read_child(pugi::xml_node node) {
    std::string_view name = node.name();
    if (name == "page") return read_page(node);
    if (name == "color") return read_color(node);
    if (name == "font") return read_font(node);
    if (name == "style") return read_style(node);
    if (name == "cover") return read_cover(node);
    if (name == "header" || name == "footer") {
      // pages="verso": on left-hand pages only; "recto": on right-hand pages
      // only; "all" (default): every page, or the right-hand ones when a
      // verso one is given.
      const std::string pages =
          node.attribute("pages") ? read_choice(in_, node.attribute("pages"), {"all", "recto", "verso"})
                                  : "all";
      auto& verso = name == "header" ? layout_.header_verso : layout_.footer_verso;
      if (pages == "recto") (name == "header" ? header_recto_only_ : footer_recto_only_) = true;
      if (pages == "verso") {
        verso.emplace();
        return read_furniture(node, *verso);
      }
      return read_furniture(node, name == "header" ? layout_.header : layout_.footer);
    }
    if (name == "contents") return read_contents(node);
    if (name == "columns") return read_columns(node);
    if (name == "source") {
      in_.check_attributes(node, {"label"});
      no_content(node);
      layout_.any_language.source_label = required(node, "label").value();
      return;
    }
    if (name == "words") return read_words(node);
    if (name == "date") {
      in_.check_attributes(node, {"format"});
      no_content(node);
      pugi::xml_attribute format = required(node, "format");
      layout_.any_language.date_format = checked_template(format, format.value(), date_fields);
      return;
    }
    if (name == "box-frame" || name == "quote-frame") {
      in_.check_attributes(node, {"background", "border", "border-width", "rule", "rule-width",
                                  "padding"});
      no_content(node);
      Frame frame;
      if (pugi::xml_attribute background = node.attribute("background")) {
        frame.background = true;
        frame.fill = colour(background);
      }
      if (pugi::xml_attribute border = node.attribute("border")) frame.border = colour(border);
      frame.border_width = length(node.attribute("border-width"), node.attribute("border") ? 0.5 : 0);
      if (pugi::xml_attribute rule = node.attribute("rule")) frame.rule = colour(rule);
      frame.rule_width = length(node.attribute("rule-width"), node.attribute("rule") ? 2 : 0);
      frame.padding = length(node.attribute("padding"), 8);
      if (name == "box-frame")
        layout_.box_frame = frame;
      else
        layout_.quote_frame = frame;
      return;
    }
    if (name == "emphasis") {
      // <emphasis style="dots|font|bold|auto" font="kai"/>: how <em> looks.
      in_.check_attributes(node, {"style", "font"});
      no_content(node);
      const std::string style =
          read_choice(in_, required(node, "style"), {"auto", "dots", "font", "bold"});
      layout_.emphasis.kind = style == "dots"   ? EmphasisKind::dots
                              : style == "font" ? EmphasisKind::font
                              : style == "bold" ? EmphasisKind::bold
                                                : EmphasisKind::automatic;
      pugi::xml_attribute font = node.attribute("font");
      if (layout_.emphasis.kind == EmphasisKind::font && !font)
        in_.fail(node, "<emphasis style=\"font\"> needs a font attribute (a font role)");
      if (font) {
        if (layout_.emphasis.kind != EmphasisKind::font)
          in_.fail(font, "font is only for <emphasis style=\"font\">");
        layout_.emphasis.font = token_value(font);
        font_references_.push_back({layout_.emphasis.font, in_.at(font)});
      }
      return;
    }
    if (name == "line-break") {
      in_.check_attributes(node, {"level", "han-latin-gap"});
      no_content(node);
      const std::string level =
          read_choice(in_, required(node, "level"), {"none", "basic", "GB", "strict"});
      layout_.line_break_level = level == "none"     ? BreakLevel::none
                                 : level == "GB"     ? BreakLevel::gb
                                 : level == "strict" ? BreakLevel::strict
                                                     : BreakLevel::basic;
      if (pugi::xml_attribute gap = node.attribute("han-latin-gap")) {
        // clreq 3.2: from 1/8 em to 1/2 em.
        auto em = parse_em(token_value(gap));
        if (!em || *em < 0.125 || *em > 0.5)
          in_.fail(gap, "han-latin-gap must be from 0.125em to 0.5em, not " +
                            quoted_value(gap.value()));
        layout_.han_latin_gap_em = *em;
      }
      return;
    }
    if (name == "figures") return read_figures(node);
    if (name == "backmatter") {
      in_.check_attributes(node, {"new-page"});
      no_content(node);
      layout_.backmatter_new_page = yes_no(node.attribute("new-page"), layout_.backmatter_new_page);
      return;
    }
    in_.fail(node, "unknown element <" + std::string(name) + "> in <layout>");
  }

  // <figures width="0.9" separation="12pt" label="图{n}　" label-style="figure-label"
  //          credit-style="credit" credit-position="beside" min-dpi="150" min-dpi-print="300"/>
  void read_figures(pugi::xml_node node) {
    in_.check_attributes(node, {"width", "separation", "label", "label-style", "credit-style",
                                "credit-position", "min-dpi", "min-dpi-print"});
    no_content(node);
    FigureStyle& figures = layout_.figures;
    if (pugi::xml_attribute width = node.attribute("width")) {
      auto fraction = parse_decimal(token_value(width));
      if (!fraction || *fraction <= 0 || *fraction > 1)
        in_.fail(width, "figures width must be a fraction of the column measure, more than 0 "
                        "and at most 1, not " + quoted_value(width.value()));
      figures.width = *fraction;
    }
    if (pugi::xml_attribute separation = node.attribute("separation"))
      figures.separation = length(separation, 0);
    if (pugi::xml_attribute label = node.attribute("label"))
      layout_.any_language.figure_label = checked_template(label, label.value(), figure_fields);
    if (pugi::xml_attribute style = node.attribute("label-style"))
      figure_label_style_ = style_reference(style);
    if (pugi::xml_attribute style = node.attribute("credit-style"))
      figure_credit_style_ = style_reference(style);
    if (pugi::xml_attribute position = node.attribute("credit-position"))
      figures.credit_position = read_choice(in_, position, {"below", "beside"}) == "beside"
                                    ? FigureStyle::CreditPosition::beside
                                    : FigureStyle::CreditPosition::below;
    figures.min_dpi_screen = dpi(node.attribute("min-dpi"), figures.min_dpi_screen);
    figures.min_dpi_print = dpi(node.attribute("min-dpi-print"), figures.min_dpi_print);
  }

  /// Pixels per inch, a whole number from 1 to 2400; absent gives `fallback`.
  double dpi(pugi::xml_attribute attribute, double fallback) {
    if (!attribute) return fallback;
    auto value = parse_whole(token_value(attribute), 2400);
    if (!value || *value < 1)
      in_.fail(attribute, std::string(attribute.name()) +
                              " must be a whole number of pixels per inch from 1 to 2400, not " +
                              quoted_value(attribute.value()));
    return *value;
  }

  // <words lang="zh-Hant" source-label="來源：" contents-title="目錄"
  //        date-format="{yyyy}年{m}月{d}日"/>: wording for one language.
  void read_words(pugi::xml_node node) {
    in_.check_attributes(node,
                         {"lang", "source-label", "contents-title", "date-format", "figure-label"});
    no_content(node);
    pugi::xml_attribute lang = required(node, "lang");
    const std::string tag = token_value(lang);
    if (!is_language_tag(tag)) in_.fail(lang, "lang is not a language tag (e.g. zh-Hant)");
    if (layout_.words.count(tag)) in_.fail(lang, "<words> for \"" + tag + "\" is given twice");
    Wording wording;
    if (pugi::xml_attribute label = node.attribute("source-label"))
      wording.source_label = label.value();
    if (pugi::xml_attribute title = node.attribute("contents-title"))
      wording.contents_title = title.value();
    if (pugi::xml_attribute format = node.attribute("date-format"))
      wording.date_format = checked_template(format, format.value(), date_fields);
    if (pugi::xml_attribute label = node.attribute("figure-label"))
      wording.figure_label = checked_template(label, label.value(), figure_fields);
    layout_.words[tag] = wording;
  }

  // <color name="brand" value="cmyk(1,0.6,0,0.2)" srgb="#00508C" spot="PANTONE 2945 C"/>
  void read_color(pugi::xml_node node) {
    in_.check_attributes(node, {"name", "value", "srgb", "spot"});
    no_content(node);
    pugi::xml_attribute name_attribute = required(node, "name");
    const std::string name = token_value(name_attribute);
    const bool well_formed =
        !name.empty() && std::isalpha(static_cast<unsigned char>(name[0])) &&
        std::all_of(name.begin(), name.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        });
    if (!well_formed)
      in_.fail(name_attribute, "a colour name is a letter, then letters, digits, - or _");
    if (layout_.colors.count(name))
      in_.fail(name_attribute, "colour \"" + name + "\" is defined twice");
    pugi::xml_attribute value = required(node, "value");
    auto ink = parse_color(token_value(value));
    if (!ink)
      in_.fail(value, "value must be cmyk(C,M,Y,K) or grey(K), each 0 to 1, not \"" +
                          std::string(value.value()) + "\"");
    Cmyk colour = *ink;
    if (pugi::xml_attribute srgb = node.attribute("srgb")) {
      const std::string hex = token_value(srgb);
      const bool valid = hex.size() == 7 && hex[0] == '#' &&
                         std::all_of(hex.begin() + 1, hex.end(), [](char c) {
                           return std::isxdigit(static_cast<unsigned char>(c));
                         });
      if (!valid) in_.fail(srgb, "srgb must be #RRGGBB, not \"" + std::string(srgb.value()) + "\"");
      colour.has_rgb = true;
      colour.r = static_cast<uint8_t>(std::stoi(hex.substr(1, 2), nullptr, 16));
      colour.g = static_cast<uint8_t>(std::stoi(hex.substr(3, 2), nullptr, 16));
      colour.b = static_cast<uint8_t>(std::stoi(hex.substr(5, 2), nullptr, 16));
    }
    if (pugi::xml_attribute spot = node.attribute("spot")) {
      const std::string ink_name = token_value(spot);
      if (ink_name.empty()) in_.fail(spot, "spot names no ink");
      auto same = std::find_if(layout_.spots.begin(), layout_.spots.end(),
                               [&](const SpotInk& s) { return s.name == ink_name; });
      const SpotInk ink_entry{ink_name, colour.c, colour.m, colour.y, colour.k};
      if (same == layout_.spots.end()) {
        layout_.spots.push_back(ink_entry);
        same = layout_.spots.end() - 1;
      } else if (!(*same == ink_entry)) {
        in_.fail(spot, "spot ink \"" + ink_name + "\" is given two different CMYK values");
      }
      colour.spot = static_cast<int>(same - layout_.spots.begin());
    }
    layout_.colors[name] = colour;
  }

  void read_page(pugi::xml_node node) {
    in_.check_attributes(node,
                         {"size", "width", "height", "top", "bottom", "inner", "outer", "bleed",
                          "writing-mode"});
    no_content(node);
    PageGeometry& page = layout_.page;
    if (pugi::xml_attribute size = node.attribute("size")) {
      // Portrait sizes in pt (ISO 216, JIS B5, US Letter).
      std::string value = read_choice(in_, size, {"A4", "A5", "B5", "letter"});
      if (value == "A4") page.width = 595.276, page.height = 841.89;
      if (value == "A5") page.width = 419.528, page.height = 595.276;
      if (value == "B5") page.width = 515.906, page.height = 728.504;
      if (value == "letter") page.width = 612, page.height = 792;
      if (node.attribute("width") || node.attribute("height")) {
        in_.fail(size, "give either size or width and height, not both");
      }
    }
    page.width = length(node.attribute("width"), page.width, min_page_side_pt, max_page_side_pt);
    page.height = length(node.attribute("height"), page.height, min_page_side_pt, max_page_side_pt);
    page.top = length(node.attribute("top"), page.top);
    page.bottom = length(node.attribute("bottom"), page.bottom);
    page.inner = length(node.attribute("inner"), page.inner);
    page.outer = length(node.attribute("outer"), page.outer);
    page.bleed = length(node.attribute("bleed"), page.bleed, 0, max_bleed_pt);
    if (pugi::xml_attribute mode = node.attribute("writing-mode"))
      page.writing_mode = read_choice(in_, mode, {"horizontal-tb", "vertical-rl"}) == "vertical-rl"
                              ? WritingMode::vertical_rl
                              : WritingMode::horizontal_tb;
    if (page.width <= page.inner + page.outer || page.height <= page.top + page.bottom) {
      in_.fail(node, "the margins leave no room for text on the page");
    }
  }

  void read_font(pugi::xml_node node) {
    in_.check_attributes(node, {"role", "weight"});
    pugi::xml_attribute role = required(node, "role");
    std::string name = token_value(role);
    if (layout_.fonts.count(name)) in_.fail(role, "font role \"" + name + "\" is defined twice");
    FontRole font;
    font.where = in_.at(node);
    if (pugi::xml_attribute weight = node.attribute("weight")) {
      auto value = parse_whole(token_value(weight), 1000);
      if (!value) {
        in_.fail(weight,
                 "font weight must be a whole number from 1 to 1000 (400 regular, 700 bold)");
      }
      font.weight = *value;
    }
    for (pugi::xml_node child : in_.element_children(node)) {
      std::string_view kind = child.name();
      if (kind != "family" && kind != "fallback") {
        in_.fail(child, "<" + std::string(kind) + "> is not allowed in <font>");
      }
      in_.check_attributes(child, {});
      std::string family = read_text(in_, child);
      if (family.empty()) in_.fail(child, "<" + std::string(kind) + "> names no font family");
      if (kind == "family" && !font.fallback.empty()) {
        in_.fail(child, "<family> must come before the <fallback> faces");
      }
      (kind == "family" ? font.families : font.fallback).push_back(family);
    }
    if (font.families.empty()) in_.fail(node, "<font> needs at least one <family>");
    layout_.fonts[name] = std::move(font);
  }

  void read_style(pugi::xml_node node) {
    in_.check_attributes(node, {"name", "based-on", "font", "size", "leading", "color", "align",
                                "indent", "space-before", "space-after", "bold"});
    no_content(node);
    pugi::xml_attribute name_attribute = required(node, "name");
    std::string name = token_value(name_attribute);
    if (name.empty()) in_.fail(name_attribute, "style name is empty");
    if (layout_.styles.count(name))
      in_.fail(name_attribute, "style \"" + name + "\" is defined twice");
    TextStyle style;
    if (pugi::xml_attribute base = node.attribute("based-on")) {
      auto found = layout_.styles.find(token_value(base));
      if (found == layout_.styles.end()) {
        in_.fail(base, "based-on names no style defined above: \"" + token_value(base) + "\"");
      }
      style = found->second;
    }
    if (pugi::xml_attribute font = node.attribute("font")) {
      style.font = token_value(font);
      font_references_.push_back({style.font, in_.at(font)});
    } else if (!node.attribute("based-on")) {
      font_references_.push_back({style.font, in_.at(node)});
    }
    style.size = length(node.attribute("size"), style.size, min_type_size_pt, max_type_size_pt);
    style.leading = length(node.attribute("leading"), style.leading);
    if (style.size <= 0) in_.fail(node, "style size must be more than 0");
    if (pugi::xml_attribute color = node.attribute("color")) style.color = colour(color);
    if (pugi::xml_attribute align = node.attribute("align")) style.align = alignment(align);
    if (pugi::xml_attribute indent = node.attribute("indent")) {
      auto em = parse_em(token_value(indent));
      if (!em) in_.fail(indent, "indent must be in em, e.g. \"2em\" or \"0\"");
      if (*em > max_indent_em) {
        in_.fail(indent, "indent must be at most " + number(max_indent_em) + "em, not " +
                             quoted_value(indent.value()));
      }
      style.first_indent_em = *em;
    }
    style.space_before = length(node.attribute("space-before"), style.space_before);
    style.space_after = length(node.attribute("space-after"), style.space_after);
    style.bold = yes_no(node.attribute("bold"), style.bold);
    layout_.styles[name] = style;
  }

  void read_cover(pugi::xml_node node) {
    in_.check_attributes(node, {"alone", "furniture", "background"});
    layout_.cover_page_alone = yes_no(node.attribute("alone"), layout_.cover_page_alone);
    layout_.furniture_on_first_page =
        yes_no(node.attribute("furniture"), layout_.furniture_on_first_page);
    if (pugi::xml_attribute background = node.attribute("background"))
      layout_.cover_background = colour(background);
    for (pugi::xml_node child : in_.element_children(node)) {
      const std::string_view kind = child.name();
      if (kind == "band") {
        in_.check_attributes(child, {"top", "height", "color"});
        no_content(child);
        CoverBand band;
        band.top = length(child.attribute("top"), 0);
        band.height = length(required(child, "height"), 0);
        band.color = colour(required(child, "color"));
        layout_.cover_bands.push_back(band);
        continue;
      }
      if (kind == "image") {
        in_.check_attributes(child, {"src", "width", "align", "space-before"});
        no_content(child);
        CoverItem item;
        item.kind = CoverItem::Kind::image;
        item.image = layout_image(required(child, "src"));
        item.width = length(required(child, "width"), 0);
        if (item.width <= 0) in_.fail(child.attribute("width"), "width must be more than 0");
        item.align = child.attribute("align") ? alignment(child.attribute("align")) : Align::center;
        item.space_before = length(child.attribute("space-before"), 0);
        layout_.cover.push_back(std::move(item));
        continue;
      }
      if (kind == "rule") {
        in_.check_attributes(child, {"width", "length", "color", "align", "space-before"});
        no_content(child);
        CoverItem item;
        item.kind = CoverItem::Kind::rule;
        item.thickness = length(child.attribute("width"), 0.5);
        item.width = length(child.attribute("length"), 0);
        if (pugi::xml_attribute color = child.attribute("color")) item.color = colour(color);
        item.align = child.attribute("align") ? alignment(child.attribute("align")) : Align::center;
        item.space_before = length(child.attribute("space-before"), 0);
        layout_.cover.push_back(std::move(item));
        continue;
      }
      if (kind != "item") {
        in_.fail(child, "<" + std::string(kind) + "> is not allowed in <cover> (item, image, rule, band)");
      }
      in_.check_attributes(child, {"style", "space-before"});
      CoverItem item;
      item.text = checked_template(child, read_text(in_, child), cover_fields);
      item.style = style_reference(required(child, "style"));
      item.space_before = length(child.attribute("space-before"), 0);
      layout_.cover.push_back(std::move(item));
    }
  }

  // A picture the layout places (a logo): PNG or JPEG, relative to the
  // layout file and inside its directory; read once, here.
  ImageFacts layout_image(pugi::xml_attribute src) {
    const std::string value = token_value(src);
    if (value.empty()) in_.fail(src, "src is empty");
    if (std::string why = reference_escape(value); !why.empty())
      in_.fail(src, "src " + why + ": " + value);
    const std::filesystem::path file =
        std::filesystem::path(layout_.path).parent_path() / std::filesystem::path(value).lexically_normal();
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error))
      in_.fail(src, "image file not found: " + file.string());
    try {
      return read_image_facts(file.string());
    } catch (const ImageError& e) {
      in_.fail(src, "image " + file.string() + " cannot be used: " + e.what());
    }
  }

  void read_furniture(pugi::xml_node node, Furniture& furniture) {
    in_.check_attributes(node, {"offset", "rule", "rule-color", "pages"});
    furniture.offset = length(node.attribute("offset"), furniture.offset);
    furniture.rule_width = length(node.attribute("rule"), furniture.rule_width);
    if (pugi::xml_attribute color = node.attribute("rule-color"))
      furniture.rule_color = colour(color);
    for (pugi::xml_node child : in_.element_children(node)) {
      std::string_view place = child.name();
      if (place == "image") {
        in_.check_attributes(child, {"src", "height", "place"});
        no_content(child);
        FurnitureImage picture;
        picture.image = layout_image(required(child, "src"));
        picture.height = length(required(child, "height"), 0);
        if (picture.height <= 0) in_.fail(child.attribute("height"), "height must be more than 0");
        const std::string where =
            child.attribute("place") ? read_choice(in_, child.attribute("place"), {"left", "center", "right"})
                                     : "left";
        picture.place = where == "left" ? Align::start : where == "right" ? Align::end : Align::center;
        furniture.images.push_back(std::move(picture));
        continue;
      }
      std::vector<FurnitureText>* lines = place == "left"     ? &furniture.left
                                          : place == "right"  ? &furniture.right
                                          : place == "center" ? &furniture.center
                                                              : nullptr;
      if (!lines) {
        in_.fail(child, "<" + std::string(place) + "> is not allowed in <" + node.name() +
                            "> (left, center, right)");
      }
      in_.check_attributes(child, {"style", "align"});
      FurnitureText line;
      line.text = checked_template(child, read_text(in_, child), furniture_fields);
      line.align = place == "left" ? Align::start : place == "right" ? Align::end : Align::center;
      if (pugi::xml_attribute align = child.attribute("align")) line.align = alignment(align);
      line.style = style_reference(required(child, "style"));
      lines->push_back(std::move(line));
    }
  }

  // <columns count="2" gap="6mm" rule="0.5pt" rule-color="slate" headings="span"/>
  void read_columns(pugi::xml_node node) {
    in_.check_attributes(node, {"count", "gap", "rule", "rule-color", "headings"});
    no_content(node);
    ColumnStyle& columns = layout_.columns;
    columns.where = in_.at(node);
    pugi::xml_attribute count = required(node, "count");
    auto value = parse_whole(token_value(count), max_columns);
    if (!value)
      in_.fail(count, "columns count must be 1, 2 or 3, not " + quoted_value(count.value()));
    columns.count = *value;
    if (pugi::xml_attribute gap = node.attribute("gap")) {
      columns.gap = length(gap, 0);
      gap_where_ = in_.at(gap);
    }
    // A rule colour alone asks for a rule of 0.5pt, as a frame's border does.
    columns.rule_width = length(node.attribute("rule"), node.attribute("rule-color") ? 0.5 : 0);
    if (pugi::xml_attribute color = node.attribute("rule-color")) columns.rule_color = colour(color);
    if (pugi::xml_attribute rule = node.attribute("rule")) rule_where_ = in_.at(rule);
    if (pugi::xml_attribute headings = node.attribute("headings"))
      columns.headings_span = read_choice(in_, headings, {"span", "column"}) == "span";
  }

  // What <columns> leaves once the body style is known: a gap of at least
  // 1 em of body text (else the columns' lines run together) and columns of
  // at least 8 em, for the largest count a section may ask for too.
  void check_columns() {
    ColumnStyle& columns = layout_.columns;
    const double em = layout_.engine.body.size;
    const bool gap_given = !gap_where_.file.empty();
    if (!gap_given) columns.gap = 2 * em;
    if (columns.where.file.empty()) return;
    if (columns.gap < em)
      throw InputError(gap_where_, "the column gap (" + number(columns.gap) +
                                       "pt) must be at least 1 em of body text (" + number(em) +
                                       "pt)");
    if (columns.rule_width >= columns.gap)
      throw InputError(rule_where_.file.empty() ? columns.where : rule_where_,
                       "the column rule (" + number(columns.rule_width) +
                           "pt) must be thinner than the gap (" + number(columns.gap) + "pt)");
    const double measure = layout_.page.width - layout_.page.inner - layout_.page.outer;
    const double width = (measure - (columns.count - 1) * columns.gap) / columns.count;
    if (width < min_column_em * em)
      throw InputError(columns.where,
                       std::to_string(columns.count) + " columns " + number(columns.gap) +
                           "pt apart leave each " + number(std::floor(width * 10) / 10) +
                           "pt, less than " + number(min_column_em) + " em of body text (" +
                           number(min_column_em * em) + "pt)");
  }

  void read_contents(pugi::xml_node node) {
    in_.check_attributes(node, {"title", "title-style", "entry-styles", "leader", "new-page"});
    no_content(node);
    ContentsStyle& contents = layout_.contents;
    if (pugi::xml_attribute title = node.attribute("title"))
      layout_.any_language.contents_title = title.value();
    if (pugi::xml_attribute style = node.attribute("title-style")) {
      contents.title_style = style_reference(style);
    }
    if (pugi::xml_attribute entries = node.attribute("entry-styles")) {
      std::istringstream names(token_value(entries));
      contents.entry_styles.clear();
      for (std::string name; names >> name;) {
        contents.entry_styles.push_back(name);
        style_references_.push_back({name, in_.at(entries)});
      }
      if (contents.entry_styles.size() != 3) {
        in_.fail(entries, "entry-styles names three styles, for depths 1, 2 and 3");
      }
    }
    if (pugi::xml_attribute leader = node.attribute("leader")) contents.leader = leader.value();
    contents.new_page = yes_no(node.attribute("new-page"), contents.new_page);
  }

  // --- values

  pugi::xml_attribute required(pugi::xml_node node, const char* name) {
    pugi::xml_attribute attribute = node.attribute(name);
    if (!attribute)
      in_.fail(node, "<" + std::string(node.name()) + "> needs a " + name + " attribute");
    return attribute;
  }

  void no_content(pugi::xml_node node) {
    if (!in_.element_children(node).empty())
      in_.fail(node, "<" + std::string(node.name()) + "> must be empty");
  }

  /// A length in [min, max] points; absent gives `fallback`.
  double length(pugi::xml_attribute attribute, double fallback, double min = 0,
                double max = max_length_pt) {
    if (!attribute) return fallback;
    auto value = parse_length(token_value(attribute));
    if (!value) {
      in_.fail(attribute, std::string(attribute.name()) +
                              " must be a length such as 10.5pt, 20mm, "
                              "1cm or 1in, not " +
                              quoted_value(attribute.value()));
    }
    if (*value < min || *value > max) {
      in_.fail(attribute, std::string(attribute.name()) + " must be from " + number(min) +
                              "pt to " + number(max) + "pt, not " +
                              quoted_value(attribute.value()));
    }
    return *value;
  }

  static std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
  }

  Cmyk colour(pugi::xml_attribute attribute) {
    const std::string text = token_value(attribute);
    if (auto named = layout_.colors.find(text); named != layout_.colors.end())
      return named->second;
    auto value = parse_color(text);
    if (!value) {
      in_.fail(attribute, std::string(attribute.name()) +
                              " must be cmyk(C,M,Y,K), grey(K) (each 0 to 1) or a <color> "
                              "name defined above, not " +
                              quoted_value(attribute.value()));
    }
    return *value;
  }

  Align alignment(pugi::xml_attribute attribute) {
    std::string value = read_choice(in_, attribute, {"start", "end", "center", "justify"});
    return value == "start"    ? Align::start
           : value == "end"    ? Align::end
           : value == "center" ? Align::center
                               : Align::justify;
  }

  bool yes_no(pugi::xml_attribute attribute, bool fallback) {
    return attribute ? read_choice(in_, attribute, {"yes", "no"}) == "yes" : fallback;
  }

  template <typename Where>
  std::string checked_template(Where where, std::string text,
                               const std::vector<std::string_view>& fields) {
    std::string bad = unknown_field(text, fields);
    if (!bad.empty()) {
      std::string known;
      for (std::string_view field : fields) known += " {" + std::string(field) + "}";
      in_.fail(where, bad == "{" || bad == "}" ? "unmatched brace in \"" + text + "\""
                                               : "unknown field " + bad + " (known:" + known + ")");
    }
    return text;
  }

  std::string style_reference(pugi::xml_attribute attribute) {
    std::string name = token_value(attribute);
    style_references_.push_back({name, in_.at(attribute)});
    return name;
  }

  void check_references(pugi::xml_node root) {
    for (const Reference& font : font_references_) {
      if (!layout_.fonts.count(font.name)) {
        throw InputError(font.where, "no <font role=\"" + font.name + "\"> in this layout");
      }
    }
    for (const Reference& style : style_references_) {
      if (!layout_.styles.count(style.name)) {
        throw InputError(style.where, "no <style name=\"" + style.name + "\"> in this layout");
      }
    }
    for (std::string_view name : required_styles) {
      if (!layout_.styles.count(std::string(name))) {
        in_.fail(root, "the layout does not define the style \"" + std::string(name) +
                           "\", which every layout needs");
      }
    }
  }

  void resolve_engine_styles() {
    EngineStyles& engine = layout_.engine;
    const auto& styles = layout_.styles;  // every name below is a required style
    engine.section = styles.at("section");
    engine.heading = styles.at("heading");
    engine.subheading = styles.at("subheading");
    engine.body = styles.at("body");
    engine.source = styles.at("source");
    engine.list = styles.at("list");
    engine.quote = styles.at("quote");
    engine.caption = styles.at("caption");
    engine.field = styles.at("field");
    engine.backmatter_heading = styles.at("backmatter-heading");
    // Figures: the label's look, and the credit line (by default the
    // caption's face at four fifths of its size, at the picture's end edge).
    FigureStyle& figures = layout_.figures;
    if (!figure_label_style_.empty()) figures.label = styles.at(figure_label_style_);
    if (!figure_credit_style_.empty()) {
      figures.credit = styles.at(figure_credit_style_);
    } else {
      figures.credit = engine.caption;
      figures.credit.size = engine.caption.size * 0.8;
      figures.credit.leading = engine.caption.leading * 0.8;
      figures.credit.space_before = figures.credit.space_after = 0;
      figures.credit.first_indent_em = 0;
      figures.credit.align = Align::end;
    }
  }

  const XmlInput& in_;
  Layout layout_;
  std::vector<Reference> font_references_;
  std::vector<Reference> style_references_;
  SourceLocation gap_where_, rule_where_;  // <columns gap>, <columns rule> when given
  bool header_recto_only_ = false, footer_recto_only_ = false;  // pages="recto"
  std::string figure_label_style_, figure_credit_style_;  ///< <figures> styles, resolved last
};

}  // namespace

Layout parse_layout(const std::string& bytes, const std::string& path) {
  XmlInput input(bytes, path);
  return LayoutReader(input, path).read();
}

Layout parse_layout_file(const std::string& path) {
  return parse_layout(read_input_file(path, "layout"), path);
}

}  // namespace paiban
