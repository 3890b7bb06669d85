// Setting text for pagination: shape + break a paragraph in a style, and turn
// the blocks into flow items. Holds what every call needs.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "paginate/flow.hpp"
#include "paginate/structure.hpp"
#include "paiban/fonts.hpp"
#include "paiban/issue.hpp"
#include "paiban/layout.hpp"
#include "paiban/shape.hpp"

namespace paiban {

class SetAhead;
struct SetRequest;

/// How a paragraph-like text goes into the flow. Designated initializers
/// name what differs from a plain paragraph: {.style = styles.quote,
/// .section = s, .indent_left = q, .indent_right = q}.
struct ParagraphSpec {
  const TextStyle& style;
  int section = -1;                          ///< index of the section the lines belong to
  double indent_left = 0, indent_right = 0;  ///< pt, in from the measure's edges
  bool first_indent = false;                 ///< the style's first-line indent applies
};

/// Inline text set into lines, with the hrefs its glyphs' `link` indexes
/// name and the languages their `span` indexes name.
struct SetText {
  std::vector<SetLine> lines;
  std::vector<std::string> links;
  std::vector<LanguageSpan> spans;
};

class Typesetter {
 public:
  Typesetter(const Layout& layout, const std::string& lang, FontCache& fonts, Warnings& warnings);
  ~Typesetter();

  /// The paragraph `set` gives for `request`, set now: shape and break.
  SetText set_now(const SetRequest& request, Warnings& warnings) const;
  /// Has `threads` background threads set `requests` (paragraphs the flow
  /// will ask for, in its order) while the flow is collected; set() takes
  /// them as it reaches them (set_ahead.hpp). Until stop_setting_ahead().
  void set_ahead(std::vector<SetRequest> requests, unsigned threads);
  /// Stops and joins the threads; what they set and nobody took is dropped.
  void stop_setting_ahead();

  /// The length of a body line, pt: the page width less inner and outer
  /// margins; in vertical mode the height less top and bottom margins.
  double measure() const { return measure_; }
  /// The width blocks are set in from now on (add_paragraph, add_block):
  /// the measure, or a column's width. Figures take fractions of it.
  double block_measure() const { return block_measure_; }
  void set_block_measure(double width) { block_measure_ = width; }
  /// Sets what follows (the main flow) in `mode`; horizontal_tb again for
  /// the cover, contents and furniture, which stay horizontal.
  void set_writing_mode(WritingMode mode);
  WritingMode writing_mode() const { return mode_; }
  const Layout& layout() const { return layout_; }
  /// The styles the engine sets its own parts in (Layout::engine).
  const EngineStyles& styles() const { return layout_.engine; }
  FontCache& fonts() { return fonts_; }
  Warnings& warnings() { return warnings_; }
  /// Paragraphs, lists, quotes and figures set from now on add their
  /// structure elements here (under its open parent); without it they are
  /// painted as artifacts.
  void set_structure(StructureBuilder* structure) { structure_ = structure; }

  /// Shapes and breaks inline text in a style; `measure` in pt.
  SetText set(const InlineText& text, const TextStyle& style, double measure, double first_indent,
              Align align);
  /// Plain text (furniture, cover, contents): warnings about it name `where`,
  /// else the file set_default_location() gave, never "<input>"; with `source`
  /// (the text as the manifest has it), the character itself.
  std::vector<SetLine> set(const std::string& text, const TextStyle& style, double measure,
                           Align align, const SourceLocation& where = {},
                           const SourceText& source = {});
  /// The first line of `text` set across the measure: set once for each
  /// text, style and alignment, however many pages repeat it (a running
  /// head's 30,000-character title was set again on every page).
  const SetLine* first_line(const std::string& text, const TextStyle& style, Align align);
  /// Where text without a location of its own comes from (the manifest).
  void set_default_location(SourceLocation where) { default_where_ = std::move(where); }
  /// Natural width of a one-line text, pt.
  double width_of(const std::string& text, const TextStyle& style);
  /// The em box lines in `style` are built on (em_box_for), looked up once
  /// per font role and weight.
  const EmBox& em_box(const TextStyle& style);
  /// Where a line's baseline falls in a line box of `style`, pt from its top.
  double baseline_in_box(const TextStyle& style) {
    return paiban::baseline_in_box(style.leading, style.size, em_box(style));
  }

  /// Appends the line boxes of a paragraph-like text, with widow and orphan
  /// control: a page may not end after its first line nor before its last.
  void add_paragraph(std::vector<FlowItem>& flow, const InlineText& text,
                     const ParagraphSpec& spec);
  /// Appends one block of an article or of the back matter.
  void add_block(std::vector<FlowItem>& flow, const Block& block, int section);

 private:
  /// Whether lines in `style` keep to the line grid of a column set.
  bool on_body_grid(const TextStyle& style) const;
  FlowItem line_item(const TextStyle& style, const SetLine& line, double x,
                     const std::vector<std::string>& links, int element,
                     const InlineElements& inline_elements);
  /// A new element under `parent` (the open parent by default); kArtifact
  /// without a structure.
  int add_element(const std::string& role, int parent = -2, const std::string& alt = {});
  /// The elements inside `element` of a set text: a Link per href, a Span
  /// with /Lang per language span (inside its link's element), added in the
  /// order their text comes.
  InlineElements add_inline_elements(int element, const SetText& text);
  std::string figure_alt(const Block& block);
  void add_list(std::vector<FlowItem>& flow, const Block& block, int section);
  void add_fields(std::vector<FlowItem>& flow, const Block& block, int section);
  void add_figure(std::vector<FlowItem>& flow, const Block& block, int section);
  /// The next figure's label ("图3　"), empty when the layout numbers none.
  std::string figure_label();
  void warn_if_caption_repeats(const Block& block, const std::string& label);
  /// The caption's lines, `label` first (in the layout's label look), as
  /// `element`, `width` wide.
  void add_caption_lines(std::vector<FlowItem>& flow, const Block& block, int section,
                         const std::string& label, int element, double width);
  /// The credit's lines, `width` wide from `x` (the picture's edges), as `element`.
  void add_credit_lines(std::vector<FlowItem>& flow, const Block& block, int section, double x,
                        double width, int element);
  int figures_numbered_ = 0;
  void add_box(std::vector<FlowItem>& flow, const Block& block, int section);
  void add_quote(std::vector<FlowItem>& flow, const Block& block, int section);
  /// Marks flow[first..] as inside `frame`, between x0 and x1.
  void frame_items(std::vector<FlowItem>& flow, size_t first, const Frame& frame, double x0,
                   double x1);
  int frames_ = 0;  // frame ids given out

  const Layout& layout_;
  std::string lang_;
  FontCache& fonts_;
  Warnings& warnings_;
  double measure_;
  double block_measure_;
  WritingMode mode_ = WritingMode::horizontal_tb;
  SourceLocation default_where_;
  std::map<std::tuple<std::string, const TextStyle*, int>, std::optional<SetLine>> first_lines_;
  std::map<std::pair<std::string, bool>, EmBox> em_boxes_;  // by font role, bold
  StructureBuilder* structure_ = nullptr;
  std::unique_ptr<SetAhead> ahead_;
};

/// Whether a figure stands apart from its section's column set, as wide as
/// the text area: one that spans (span="all", "bleed"), and one at a page's
/// top or foot (per-column top and bottom are not done: it stands at the
/// page's, centred).
bool figure_spans(const Block& block);

/// A figure label template with {n} replaced by `number`: "图{n}　", 3 -> "图3　".
std::string expand_figure_label(const std::string& label, int number);

/// Keeps: no page break after the last item of `flow` (a heading stays with
/// what follows it).
void keep_with_next(std::vector<FlowItem>& flow);
/// Keeps the lines from `first` to the end of `flow` from being split with a
/// line alone: whole up to 8 lines, else two together at either end.
void keep_block_ends(std::vector<FlowItem>& flow, size_t first);

}  // namespace paiban
