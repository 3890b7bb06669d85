#include "paginate/typesetter.hpp"

#include <algorithm>

#include "common/utf8.hpp"
#include "paginate/set_ahead.hpp"
#include "paiban/shape.hpp"

namespace paiban {

Typesetter::Typesetter(const Layout& layout, const std::string& lang, FontCache& fonts,
                       Warnings& warnings)
    : layout_(layout),
      lang_(lang),
      fonts_(fonts),
      warnings_(warnings),
      measure_(layout.page.width - layout.page.inner - layout.page.outer),
      block_measure_(measure_) {}

void Typesetter::set_writing_mode(WritingMode mode) {
  const PageGeometry& g = layout_.page;
  mode_ = mode;
  measure_ = mode == WritingMode::vertical_rl ? g.height - g.top - g.bottom
                                              : g.width - g.inner - g.outer;
  block_measure_ = measure_;
}

static BreakOptions options_for(const Layout& layout, double measure, double first_indent,
                                Align align) {
  BreakOptions options;
  options.measure = measure;
  options.first_indent = first_indent;
  options.align = align;
  options.level = layout.line_break_level;
  options.han_latin_gap_em = layout.han_latin_gap_em;
  return options;
}

Typesetter::~Typesetter() = default;

SetText Typesetter::set_now(const SetRequest& request, Warnings& warnings) const {
  ShapedParagraph shaped = shape_paragraph(*request.text, *request.style, layout_, lang_, fonts_,
                                           warnings, request.mode);
  if (shaped.text.empty()) return {};
  auto lines = break_paragraph(
      shaped, options_for(layout_, request.measure, request.first_indent, request.align),
      warnings);
  return {std::move(lines), std::move(shaped.links), std::move(shaped.spans)};
}

void Typesetter::set_ahead(std::vector<SetRequest> requests, unsigned threads) {
  ahead_.reset();
  if (threads == 0 || requests.empty()) return;
  // HarfBuzz keeps the languages it has seen in a list it extends with an
  // atomic exchange; meeting each first here, before any thread starts,
  // leaves the threads only reading it.
  intern_language(lang_);
  for (const SetRequest& request : requests)
    for (const InlineRun& run : *request.text)
      if (!run.lang.empty()) intern_language(run.lang);
  ahead_ = std::make_unique<SetAhead>(
      std::move(requests),
      [this](const SetRequest& request, Warnings& warnings) { return set_now(request, warnings); },
      threads);
}

void Typesetter::stop_setting_ahead() { ahead_.reset(); }

SetText Typesetter::set(const InlineText& text, const TextStyle& style, double measure,
                        double first_indent, Align align) {
  const SetRequest request{&text, &style, measure, first_indent, align, mode_};
  if (ahead_)
    if (std::optional<SetText> done = ahead_->take(request, warnings_)) return std::move(*done);
  return set_now(request, warnings_);
}

std::vector<SetLine> Typesetter::set(const std::string& text, const TextStyle& style,
                                     double measure, Align align, const SourceLocation& where,
                                     const SourceText& source) {
  InlineText inline_text;
  if (where.file.empty())
    inline_text.push_back(InlineRun{.text = text, .where = default_where_});
  else
    inline_text.push_back(InlineRun{.text = text, .where = where, .source = source});
  return set(inline_text, style, measure, 0, align).lines;
}

const SetLine* Typesetter::first_line(const std::string& text, const TextStyle& style,
                                      Align align) {
  auto key = std::make_tuple(text, &style, static_cast<int>(align));
  auto found = first_lines_.find(key);
  if (found == first_lines_.end()) {
    std::vector<SetLine> lines = set(text, style, measure_, align);
    std::optional<SetLine> first;
    if (!lines.empty()) first = std::move(lines.front());
    found = first_lines_.emplace(std::move(key), std::move(first)).first;
  }
  return found->second ? &*found->second : nullptr;
}

double Typesetter::width_of(const std::string& text, const TextStyle& style) {
  ShapedParagraph shaped = shape_text(text, style, layout_, lang_, fonts_, warnings_);
  return natural_width(shaped);
}

const EmBox& Typesetter::em_box(const TextStyle& style) {
  auto key = std::make_pair(style.font, style.bold);
  auto it = em_boxes_.find(key);
  if (it == em_boxes_.end())
    it = em_boxes_.emplace(key, em_box_for(style, layout_, lang_, fonts_)).first;
  return it->second;
}

bool Typesetter::on_body_grid(const TextStyle& style) const {
  // Body text and lists, when they share the body's leading: in columns
  // their lines keep to one grid, so neighbouring columns' baselines align.
  return (&style == &styles().body || &style == &styles().list) &&
         style.leading == styles().body.leading;
}

int Typesetter::add_element(const std::string& role, int parent, const std::string& alt) {
  if (!structure_) return kArtifact;
  return structure_->add(role, parent == -2 ? structure_->parent() : parent, alt);
}

InlineElements Typesetter::add_inline_elements(int element, const SetText& text) {
  InlineElements out;
  if (!structure_ || element == kArtifact) return out;
  out.links.assign(text.links.size(), kArtifact);
  out.spans.assign(text.spans.size(), kArtifact);
  auto link_element = [&](size_t link) {
    if (out.links[link] == kArtifact) out.links[link] = add_element("Link", element);
    return out.links[link];
  };
  // In text order, so that the paragraph's children read in order even when
  // it has no text of its own.
  for (const SetLine& line : text.lines)
    for (const PlacedGlyph& g : line.glyphs) {
      if (g.link >= 0 && g.link < static_cast<int>(out.links.size())) link_element(g.link);
      if (g.span < 0 || g.span >= static_cast<int>(out.spans.size()) ||
          out.spans[g.span] != kArtifact)
        continue;
      const LanguageSpan& span = text.spans[g.span];
      const bool in_link = span.link >= 0 && span.link < static_cast<int>(out.links.size());
      out.spans[g.span] = add_element("Span", in_link ? link_element(span.link) : element);
      structure_->set_lang(out.spans[g.span], span.lang);
    }
  for (size_t link = 0; link < out.links.size(); ++link) link_element(link);  // no glyphs
  return out;
}

FlowItem Typesetter::line_item(const TextStyle& style, const SetLine& line, double x,
                               const std::vector<std::string>& links, int element,
                               const InlineElements& inline_elements) {
  FlowItem item;
  item.height = style.leading;
  item.baseline = baseline_in_box(style);
  item.on_grid = on_body_grid(style);
  item.size = style.size;
  item.em_box = em_box(style);
  FlowPart part;
  part.x = x;
  part.links = links;
  part.element = element;
  part.inline_elements = inline_elements;
  part.glyphs.reserve(line.glyphs.size());
  for (const PlacedGlyph& g : line.glyphs) {
    if (g.text == U"\n") continue;  // a <br/> ends the line; it draws nothing
    part.glyphs.push_back(g);
  }
  item.parts.push_back(std::move(part));
  return item;
}

void Typesetter::add_paragraph(std::vector<FlowItem>& flow, const InlineText& text,
                               const ParagraphSpec& spec) {
  const TextStyle& style = spec.style;
  double indent = spec.first_indent ? style.first_indent_em * style.size : 0;
  SetText set_text =
      set(text, style, block_measure_ - spec.indent_left - spec.indent_right, indent, style.align);
  const std::vector<SetLine>& lines = set_text.lines;
  if (lines.empty()) return;
  const int element = add_element(role_of_style(spec.style, styles()));
  const InlineElements inline_elements = add_inline_elements(element, set_text);
  size_t first = flow.size();
  for (const SetLine& line : lines) {
    flow.push_back(
        line_item(style, line, spec.indent_left, set_text.links, element, inline_elements));
    flow.back().section = spec.section;
  }
  flow[first].space_before = style.space_before;
  // Orphans and widows (clreq 孤行): with 2+ lines the first line and the
  // last line never stand alone on a page.
  size_t n = lines.size();
  if (n >= 2) {
    flow[first].break_after = false;
    flow[first + n - 2].break_after = false;
  }
  if (style.space_after > 0) flow.back().height += style.space_after;
}

void keep_with_next(std::vector<FlowItem>& flow) {
  if (!flow.empty()) flow.back().break_after = false;
}

void Typesetter::add_list(std::vector<FlowItem>& flow, const Block& block, int section) {
  const size_t list_first = flow.size();
  const TextStyle& style = styles().list;
  const int columns = std::max(1, block.columns);
  const double gap = style.size * 2;
  // Markers hang in a gutter of 2 em so item text stays aligned.
  const double gutter = block.marker == ListMarker::none ? 0 : style.size * 2;
  const double column_width = (block_measure_ - gap * (columns - 1)) / columns;
  const int list = add_element("L");
  bool first_row = true;
  for (size_t row = 0; row < block.items.size(); row += columns) {
    std::vector<SetText> cells;
    std::vector<int> labels, bodies;  // structure: LI > Lbl, LBody per cell
    std::vector<InlineElements> body_inline;
    size_t rows_needed = 0;
    for (int c = 0; c < columns && row + c < block.items.size(); ++c) {
      cells.push_back(set(block.items[row + c], style, column_width - gutter, 0, Align::start));
      rows_needed = std::max(rows_needed, cells.back().lines.size());
      const int list_item = add_element("LI", list);
      labels.push_back(block.marker == ListMarker::none ? kArtifact
                                                        : add_element("Lbl", list_item));
      bodies.push_back(add_element("LBody", list_item));
      body_inline.push_back(add_inline_elements(bodies.back(), cells.back()));
    }
    size_t first = flow.size();
    for (size_t k = 0; k < rows_needed; ++k) {
      FlowItem item;
      item.height = style.leading;
      item.baseline = baseline_in_box(style);
      item.on_grid = on_body_grid(style);
      item.size = style.size;
      item.em_box = em_box(style);
      item.section = section;
      for (size_t c = 0; c < cells.size(); ++c) {
        double x = c * (column_width + gap);
        if (k == 0 && block.marker != ListMarker::none) {
          std::string marker =
              block.marker == ListMarker::bullet ? "•" : std::to_string(row + c + 1) + ".";
          auto marker_lines = set(marker, style, gutter, Align::start);
          if (!marker_lines.empty())
            item.parts.push_back(
                FlowPart{.glyphs = marker_lines[0].glyphs, .x = x, .element = labels[c]});
        }
        if (k < cells[c].lines.size())
          item.parts.push_back(FlowPart{.glyphs = cells[c].lines[k].glyphs,
                                        .x = x + gutter,
                                        .links = cells[c].links,
                                        .element = bodies[c],
                                        .inline_elements = body_inline[c]});
      }
      flow.push_back(std::move(item));
    }
    for (size_t k = first; k + 1 < flow.size(); ++k) flow[k].break_after = false;  // rows whole
    if (first_row && first < flow.size()) flow[first].space_before = style.space_before;
    first_row = false;
  }
  if (!flow.empty() && style.space_after > 0) flow.back().height += style.space_after;
  keep_block_ends(flow, list_first);
}

void Typesetter::add_fields(std::vector<FlowItem>& flow, const Block& block, int section) {
  size_t first = flow.size();
  for (const Field& field : block.fields) {
    InlineText text;
    text.push_back(InlineRun{.text = field.label + "：", .strong = true, .where = field.where});
    text.insert(text.end(), field.value.begin(), field.value.end());
    add_paragraph(flow, text, {.style = styles().field, .section = section});
  }
  // The fields stand apart from what precedes them by half a line at least.
  if (first < flow.size())
    flow[first].space_before = std::max(flow[first].space_before, styles().field.leading / 2);
  keep_block_ends(flow, first);
}

/// A block of lines [first, end of flow) is not split so that a line stands
/// alone: a block of up to 8 lines stays whole (contact fields, a short
/// list), a longer one keeps two lines together at either end.
void keep_block_ends(std::vector<FlowItem>& flow, size_t first) {
  const size_t n = flow.size() - std::min(first, flow.size());
  if (n < 2) return;
  if (n <= 8) {
    for (size_t k = first; k + 1 < flow.size(); ++k) flow[k].break_after = false;
    return;
  }
  flow[first].break_after = false;
  flow[flow.size() - 2].break_after = false;
}

std::string Typesetter::figure_alt(const Block& block) {
  // Screen readers say the alternate description instead of the picture:
  // figure/@alt, else the caption stands in for it.
  if (!block.figure_alt.empty()) return block.figure_alt;
  std::string alt = plain_text(block.text);
  warnings_.push_back({alt.empty() ? "figure-without-description" : "figure-without-alt",
                       block.where,
                       alt.empty() ? "figure has no alt text and no caption: a screen reader "
                                     "cannot describe it (PDF/UA needs an alternate description)"
                                   : "figure has no alt text; its caption is used as the "
                                     "alternate description"});
  return alt;
}

bool figure_spans(const Block& block) {
  return block.figure_span != FigureSpan::column || block.figure_place == FigurePlace::top ||
         block.figure_place == FigurePlace::bottom;
}

std::string expand_figure_label(const std::string& label, int number) {
  std::string out;
  for (size_t at = 0; at < label.size();) {
    if (label.compare(at, 3, "{n}") == 0) {
      out += std::to_string(number);
      at += 3;
    } else {
      out += label[at++];
    }
  }
  return out;
}

std::string Typesetter::figure_label() {
  // Numbered through the issue, in the manifest's order: only captioned
  // figures take a number.
  const std::optional<std::string>& label = layout_.wording_for(lang_).figure_label;
  if (!label || label->empty()) return {};
  return expand_figure_label(*label, ++figures_numbered_);
}

/// A caption typed with its own number ("图1　…", as manifests written before
/// the layout numbered figures are) would read "图1　图1　…": say so at the
/// figure. Spaces are ignored on both sides ("图 1" is "图1").
void Typesetter::warn_if_caption_repeats(const Block& block, const std::string& label) {
  auto without_spaces = [](const std::string& text) {
    std::string out;
    for (char32_t c : decode_utf8(text))
      if (c != U' ' && c != U'\t' && c != U'\n' && c != U'\u00A0' && c != U'\u3000')
        append_utf8(out, c);
    return out;
  };
  const std::string number = without_spaces(label);
  if (number.empty()) return;
  const std::string caption = without_spaces(plain_text(block.text));
  if (!caption.starts_with(number)) return;
  warnings_.push_back({"caption-repeats-label", block.where,
                       "the caption begins with \"" + number +
                           "\", which the layout's figure label already sets before it: remove "
                           "the number from the caption, or give <figures label=\"\">"});
}

void Typesetter::add_caption_lines(std::vector<FlowItem>& flow, const Block& block, int section,
                                   const std::string& label, int element, double width) {
  const TextStyle& style = styles().caption;
  InlineText text = block.text;
  if (!label.empty()) {
    const TextStyle* look = layout_.figures.label ? &*layout_.figures.label : nullptr;
    text.insert(text.begin(), InlineRun{label, look ? look->bold : true, false, "", false,
                                        block.text.front().where, {}});
  }
  ShapedParagraph shaped = shape_paragraph(text, style, layout_, lang_, fonts_, warnings_);
  if (shaped.text.empty()) return;
  if (!label.empty() && layout_.figures.label) {
    // The label in its own colour: the glyphs of its characters.
    const uint32_t label_end = static_cast<uint32_t>(decode_utf8(label).size());
    for (ShapedGlyph& glyph : shaped.glyphs)
      if (glyph.cluster < label_end) glyph.color = layout_.figures.label->color;
  }
  BreakOptions options = options_for(layout_, width, 0, style.align);
  SetText set_text{break_paragraph(shaped, options, warnings_), std::move(shaped.links),
                   std::move(shaped.spans)};
  const InlineElements inline_elements = add_inline_elements(element, set_text);
  const size_t first = flow.size();
  for (const SetLine& line : set_text.lines) {
    flow.push_back(line_item(style, line, 0, set_text.links, element, inline_elements));
    flow.back().section = section;
  }
  if (first == flow.size()) return;
  flow[first].space_before = style.space_before;
  if (style.space_after > 0) flow.back().height += style.space_after;
}

namespace {
/// A figure's credit (figure/@credit) as the text of a paragraph.
InlineText credit_text(const Block& block) {
  return {InlineRun{block.figure_credit, false, false, "", false, block.where, {}}};
}
}  // namespace

void Typesetter::add_credit_lines(std::vector<FlowItem>& flow, const Block& block, int section,
                                  double x, double width, int element) {
  if (block.figure_credit.empty()) return;
  const TextStyle& style = layout_.figures.credit;
  SetText set_text = set(credit_text(block), style, width, 0, style.align);
  const InlineElements inline_elements = add_inline_elements(element, set_text);
  const size_t first = flow.size();
  for (const SetLine& line : set_text.lines) {
    flow.push_back(line_item(style, line, x, set_text.links, element, inline_elements));
    flow.back().section = section;
  }
  if (first == flow.size()) return;
  flow[first].space_before = style.space_before;
  if (style.space_after > 0) flow.back().height += style.space_after;
}

void Typesetter::add_figure(std::vector<FlowItem>& flow, const Block& block, int section) {
  const ImageFacts& facts = block.figure;
  if (facts.width <= 0 || facts.height <= 0)  // an Issue not made by parse_manifest
    throw InputError(block.where, "figure " + block.figure_path + " was not read");
  const PageGeometry& g = layout_.page;
  const FigureStyle& look = layout_.figures;
  const bool bleed = block.figure_span == FigureSpan::bleed;
  // A figure spans the columns (it stands apart from the column set, as
  // wide as the text area) unless it is a column-wide one in the text.
  const bool spans = figure_spans(block);
  const double base = block.figure_span == FigureSpan::column ? block_measure_ : measure_;
  const double across = spans ? measure_ : block_measure_;  // where it and its caption are centred
  const double fraction = std::clamp(block.figure_width.value_or(look.width), 0.05, 1.0);
  double width = bleed ? g.width + 2 * g.bleed : base * fraction;
  // `width` runs along the line, `height` across the lines: in a vertical
  // flow the picture's height and width.
  const bool vertical = mode_ == WritingMode::vertical_rl;
  const double along = vertical ? facts.height : facts.width;
  const double across_px = vertical ? facts.width : facts.height;
  double height = width * across_px / along;
  // A credit beside the picture (<figures credit-position="beside">) stands
  // in a strip along its end side, as wide as the credit's one line up to
  // the room the picture leaves, or a quarter of the measure (at least 4 em)
  // when it leaves less; the picture then narrows to make that room. A
  // bleed figure and a vertical flow keep it below.
  const TextStyle& credit_style = look.credit;
  const bool beside = !block.figure_credit.empty() && !bleed && !vertical &&
                      look.credit_position == FigureStyle::CreditPosition::beside;
  const double strip_gap = beside ? credit_style.size * 0.6 : 0;
  double strip = 0;
  if (beside) {
    double widest = 0;
    for (const SetLine& line : set(credit_text(block), credit_style, 1e6, 0, Align::start).lines)
      widest = std::max(widest, line.width);
    strip =
        std::min(widest, std::max({across / 4, 4 * credit_style.size, across - width - strip_gap}));
    if (width + strip_gap + strip > across) {
      width = std::max(across / 4, across - strip_gap - strip);
      height = width * across_px / along;
    }
  }
  const double max_height =
      (vertical ? g.width - g.inner - g.outer : g.height - g.top - g.bottom) * 0.9;
  if (height > max_height) {  // too tall for a page: narrower (a bleed one then no longer bleeds)
    width *= max_height / height;
    height = max_height;
  }
  const double separation = look.separation.value_or(styles().body.leading / 2);
  const size_t first = flow.size();

  FlowItem picture;
  picture.height = height;
  picture.section = section;
  // x from the measure's left edge, or from the page's for a bleed figure.
  const double x = bleed ? (g.width - width) / 2 : (across - width - strip_gap - strip) / 2;
  picture.image_from_page_edge = bleed;
  picture.image = PageImage{facts, x, 0, width, height, block.where, block.figure_alt};
  picture.image->figure = true;
  picture.image->element = add_element("Figure", -2, figure_alt(block));
  // The caption (label, text) and the credit line read as one Caption.
  const std::string label = block.text.empty() ? std::string() : figure_label();
  warn_if_caption_repeats(block, label);
  const bool has_caption = !block.text.empty() || !block.figure_credit.empty();
  const int caption = has_caption ? add_element("Caption") : kArtifact;
  // The credit under the picture's end edge (within the measure for a bleed one).
  const double credit_x = bleed ? 0 : std::max(0.0, x);
  const double credit_width = bleed ? across : std::min(width, across);
  if (beside) {
    // Its lines are parts of the picture's box, the last one's descent at the picture's foot.
    SetText set_text = set(credit_text(block), credit_style, strip, 0, Align::start);
    const InlineElements inline_elements = add_inline_elements(caption, set_text);
    const size_t lines = set_text.lines.size();
    for (size_t k = 0; k < lines; ++k) {
      FlowItem line = line_item(credit_style, set_text.lines[k], x + width + strip_gap,
                                set_text.links, caption, inline_elements);
      line.parts.front().y = height - 0.12 * credit_style.size -
                             static_cast<double>(lines - 1 - k) * credit_style.leading;
      picture.parts.push_back(std::move(line.parts.front()));
    }
  }
  flow.push_back(std::move(picture));
  if (!beside) add_credit_lines(flow, block, section, credit_x, credit_width, caption);
  if (!block.text.empty()) add_caption_lines(flow, block, section, label, caption, across);
  // In the text the separation stands above and below it (dropped at a page's top).
  flow[first].space_before = separation;
  flow.back().height += separation;
  for (size_t k = first; k + 1 < flow.size(); ++k) flow[k].break_after = false;  // kept whole
  flow[first].figure = FlowFigure{block.figure_place, block.figure_span, flow.size() - first,
                                  separation, separation};
}

void Typesetter::frame_items(std::vector<FlowItem>& flow, size_t first, const Frame& frame,
                             double x0, double x1) {
  if (first >= flow.size()) return;
  const int id = frames_++;
  for (size_t k = first; k < flow.size(); ++k) {
    flow[k].frame = &frame;
    flow[k].frame_id = id;
    flow[k].frame_x0 = x0;
    flow[k].frame_x1 = x1;
  }
  flow[first].frame_first = true;
  // The padding inside the frame, above the first line and below the last.
  flow[first].space_before = std::max(flow[first].space_before, styles().body.leading / 2) +
                             frame.padding + frame.border_width;
  flow.back().height += frame.padding + frame.border_width;
}

// A box: its title in the subheading style, then its paragraphs, inside the
// layout's frame across the measure.
void Typesetter::add_box(std::vector<FlowItem>& flow, const Block& block, int section) {
  const Frame& frame = layout_.box_frame;
  const double bar = frame.rule_width > 0 ? frame.rule_width + frame.padding : 0;
  const double inset = frame.padding + frame.border_width;
  const size_t first = flow.size();
  if (!block.text.empty()) {
    add_paragraph(flow, block.text,
                  {.style = styles().subheading, .section = section, .indent_left = inset + bar, .indent_right = inset});
    keep_with_next(flow);
  }
  for (const Block& inner : block.paragraphs) {
    if (inner.kind == BlockKind::subheading) {
      add_paragraph(flow, inner.text,
                    {.style = styles().subheading, .section = section, .indent_left = inset + bar, .indent_right = inset});
      keep_with_next(flow);
    } else {
      add_paragraph(flow, inner.text,
                    {.style = styles().body, .section = section, .indent_left = inset + bar, .indent_right = inset, .first_indent = inner.indent});
    }
  }
  frame_items(flow, first, frame, 0, block_measure_);
}

// A quote: indented 2 em each side; framed when the layout has a <quote-frame>.
void Typesetter::add_quote(std::vector<FlowItem>& flow, const Block& block, int section) {
  const double indent = styles().quote.size * 2;
  const size_t first = flow.size();
  const Frame* frame = layout_.quote_frame ? &*layout_.quote_frame : nullptr;
  const double bar = frame && frame->rule_width > 0 ? frame->rule_width + frame->padding : 0;
  for (const Block& p : block.paragraphs)
    add_paragraph(flow, p.text,
                  {.style = styles().quote, .section = section, .indent_left = indent + bar, .indent_right = indent, .first_indent = p.indent});
  if (frame) {
    const double out = frame->padding + frame->border_width;
    frame_items(flow, first, *frame, indent - out, block_measure_ - indent + out);
  }
}

void Typesetter::add_block(std::vector<FlowItem>& flow, const Block& block, int section) {
  switch (block.kind) {
    case BlockKind::paragraph:
      add_paragraph(flow, block.text,
                    {.style = styles().body, .section = section, .first_indent = block.indent});
      break;
    case BlockKind::subheading:
      add_paragraph(flow, block.text, {.style = styles().subheading, .section = section});
      keep_with_next(flow);
      break;
    case BlockKind::heading:
      add_paragraph(flow, block.text, {.style = styles().backmatter_heading, .section = section});
      keep_with_next(flow);
      break;
    case BlockKind::list:
      add_list(flow, block, section);
      break;
    case BlockKind::quote:
    case BlockKind::box: {
      // A quote or a box holds its paragraphs under one structure element.
      const int outer = structure_ ? structure_->parent() : 0;
      const int group = add_element(block.kind == BlockKind::quote ? "BlockQuote" : "Div");
      if (structure_) structure_->set_parent(group);
      if (block.kind == BlockKind::quote)
        add_quote(flow, block, section);
      else
        add_box(flow, block, section);
      if (structure_) structure_->set_parent(outer);
      break;
    }
    case BlockKind::figure:
      add_figure(flow, block, section);
      break;
    case BlockKind::fields:
      add_fields(flow, block, section);
      break;
  }
}

}  // namespace paiban
