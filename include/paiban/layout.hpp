// The layout model: how an issue looks. Read from layouts/NAME.xml by
// parse_layout_file(); documented in docs/layout.md.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "paiban/diagnostics.hpp"
#include "paiban/image.hpp"

namespace paiban {

/// A colour. Print uses the CMYK ink (0..1 each; grey is K only) or a spot
/// ink; screen uses the sRGB equivalent the layout gives, else one computed
/// from the ink.
struct Cmyk {
  double c = 0, m = 0, y = 0, k = 1;
  bool has_rgb = false;  ///< rgb given by the layout
  uint8_t r = 0, g = 0, b = 0;
  int spot = -1;  ///< index into Layout::spots (print: a Separation), -1 = process colour
  bool operator==(const Cmyk&) const = default;
};

/// The screen colour of `colour`, each 0..1: its sRGB when given, else the
/// naive conversion of the ink ((1 - c)(1 - k), ...).
void screen_rgb(const Cmyk& colour, double& r, double& g, double& b);

/// A spot ink: printed as /Separation NAME with the CMYK as its alternate.
struct SpotInk {
  std::string name;
  double c = 0, m = 0, y = 0, k = 0;
  bool operator==(const SpotInk&) const = default;
};

/// A font role ("body", "heading", ...): families tried in order, then the
/// fallback list, by coverage of each character.
struct FontRole {
  std::vector<std::string> families;  ///< first is the preferred one
  int weight = 400;                   ///< CSS-like: 400 regular, bold_weight bold
  std::vector<std::string> fallback;  ///< tried when no family has a character
  SourceLocation where;               ///< the <font> element, for "not installed"
};

enum class Align { start, end, center, justify };

/// clreq's line-breaking levels (shared/notes/clreq.md): <line-break level>.
enum class BreakLevel { none, basic, gb, strict };

/// The type size of body text unless a layout says otherwise, pt (五号).
inline constexpr double default_text_size = 10.5;
/// The weight of bold: strong text and bold styles (CSS-like, 400 regular).
inline constexpr int bold_weight = 700;

/// How <em> looks: dots under each Han character (着重号, clreq 3.2), the
/// faces of another font role (a Kai family), or bold. `automatic`: dots for
/// Chinese, bold for any other language.
enum class EmphasisKind { automatic, dots, font, bold };

struct EmphasisStyle {
  EmphasisKind kind = EmphasisKind::automatic;
  std::string font;  ///< the font role, for EmphasisKind::font
};

/// How a box (a sidebar) or a quote is framed: a background, a border, a
/// bar down its start side, and the padding between the frame and the text.
struct Frame {
  bool background = false;
  Cmyk fill;
  double border_width = 0;  ///< pt, 0 = none
  Cmyk border;
  double rule_width = 0;  ///< pt: a bar down the start side, 0 = none
  Cmyk rule;
  double padding = 0;  ///< pt
};

/// A paragraph style. Lengths in points unless the name says em.
struct TextStyle {
  std::string font = "body";  ///< a key of Layout::fonts
  double size = default_text_size;  ///< pt
  double leading = 18;        ///< baseline to baseline, pt
  Cmyk color;
  Align align = Align::justify;
  double first_indent_em = 0;  ///< 2 for body text
  double space_before = 0;     ///< pt
  double space_after = 0;      ///< pt
  bool bold = false;           ///< use the role's bold weight (strong text)
};

/// The styles the engine sets its own parts in, resolved once when the layout
/// is read (each is one of the styles every layout must define).
struct EngineStyles {
  TextStyle section, heading, subheading, body, source, list, quote, caption, field,
      backmatter_heading;
};

/// One line of a header or footer: a template with fields {title} {date}
/// {section} {page} {number} {organization} {publisher}, placed left, centre
/// or right, in a style.
struct FurnitureText {
  std::string text;  ///< template
  Align align = Align::start;
  std::string style;  ///< a key of Layout::styles
};

/// A picture in a running header or footer (a small logo), its bottom on
/// the header's last baseline (a footer's first), at the left, centre or right.
struct FurnitureImage {
  ImageFacts image;
  double height = 0;  ///< pt (the width follows its pixels)
  Align place = Align::start;
};

/// A running header or footer: text lines, and an optional rule.
struct Furniture {
  std::vector<FurnitureImage> images;
  std::vector<FurnitureText> left;   ///< stacked lines at the left
  std::vector<FurnitureText> right;  ///< stacked lines at the right
  std::vector<FurnitureText> center;
  double rule_width = 0;  ///< pt; 0 = no rule (beneath a header, above a footer)
  Cmyk rule_color;
  double offset = 0;  ///< header: baseline of its last line above the text area; footer: below, pt
};

/// One part of the front page, stacked top to bottom: a line of text (an
/// issue field in a style), a picture (a logo), or a rule.
struct CoverItem {
  enum class Kind { text, image, rule };
  Kind kind = Kind::text;
  std::string text;         ///< text: template, e.g. "{title}", "{date}"
  std::string style;        ///< text: a key of Layout::styles
  double space_before = 0;  ///< pt
  ImageFacts image;         ///< image: the file (relative to the layout), read once
  double width = 0;         ///< image: pt wide (height from its pixels); rule: pt long, 0 = the measure
  Align align = Align::center;  ///< image, rule: where across the measure
  double thickness = 0.5;       ///< rule: pt
  Cmyk color;                   ///< rule
};

/// A coloured band across the front page, full bleed left and right (and at
/// the top or bottom when it touches the trim edge).
struct CoverBand {
  double top = 0, height = 0;  ///< pt from the trimmed page's top
  Cmyk color;
};

/// Article text in columns (<columns>): the layout's count, which a section
/// may override (section/@columns), the gap between columns and a rule in it.
/// Section titles, the contents and the back matter always span the measure.
struct ColumnStyle {
  int count = 1;           ///< 1-3
  double gap = 0;          ///< pt between two columns; resolved to 2 em of body text when not given
  double rule_width = 0;   ///< pt: a vertical rule centred in each gap; 0 = none
  Cmyk rule_color;         ///< black by default
  bool headings_span = true;  ///< article headings span all columns (else they stand in a column)
  SourceLocation where;    ///< the <columns> element, for errors about what it leaves
};

/// How figures look and are placed (<figures>): their default width, their
/// distance from text, the numbered label before a caption, the credit
/// line, and the least resolution a placed picture may have.
struct FigureStyle {
  double width = 1;  ///< default width, a fraction of the column measure (figure/@width wins)
  std::optional<double> separation;  ///< pt between a figure and text; absent: half the body leading
  /// The label's look: its colour and weight (bold) come from this style,
  /// its face and size from the caption's. Absent: the caption's colour, bold.
  std::optional<TextStyle> label;
  TextStyle credit;             ///< the credit line (resolved: the caption's, smaller, at the end)
  /// Where the credit line stands: under the picture's end edge, or beside
  /// it, in a narrow strip along its end side, its last line at the picture's foot.
  enum class CreditPosition { below, beside } credit_position = CreditPosition::below;
  double min_dpi_screen = 150;  ///< pixels per inch below which a screen render warns
  double min_dpi_print = 300;   ///< the same for --print
};

struct ContentsStyle {
  std::string title_style = "toc-title";
  std::vector<std::string> entry_styles = {"toc-1", "toc-2", "toc-3"};  ///< by depth
  std::string leader = ".";                                             ///< the leader character
  bool new_page = true;  ///< contents start on a page of their own
};

/// How body text runs: horizontal lines stacked top to bottom, or
/// vertical-rl (竖排/縦組み): lines top to bottom, stacked right to left,
/// pages progressing right to left.
enum class WritingMode { horizontal_tb, vertical_rl };

/// How a glyph stands in its line. A horizontal line holds only
/// `horizontal` glyphs; a vertical line (WritingMode::vertical_rl) the
/// other three.
enum class GlyphOrientation : uint8_t {
  horizontal,  ///< on a horizontal baseline
  upright,     ///< vertical line, the face's vertical metrics and forms (vert/vrt2); the
               ///< origin is the glyph's vertical origin (top centre of its em box)
  sideways,    ///< vertical line, turned 90° clockwise (Latin; UAX #50 Vertical_Orientation R)
  tate_chu_yoko,  ///< vertical line, one or two ASCII digits set across it in one em (縦中横)
};

struct PageGeometry {
  double width = 595.276, height = 841.89;               ///< A4, pt
  double top = 72, bottom = 72, inner = 72, outer = 72;  ///< margins, pt
  double bleed = 8.504;                                  ///< 3 mm, used in print mode
  WritingMode writing_mode = WritingMode::horizontal_tb;  ///< <page writing-mode>
};

/// The words the engine sets itself, which depend on the language.
/// An empty field is unset (the next source of wording decides).
struct Wording {
  std::string source_label;    ///< before an article's source, e.g. 来源：
  std::string contents_title;  ///< e.g. 目录 (a manifest's toc/@title wins)
  std::string date_format;     ///< e.g. {yyyy}年{m}月{d}日
  /// Before a figure's caption, {n} its number through the issue, e.g.
  /// "图{n}　"; unset: the language's; set but empty: figures are not numbered.
  std::optional<std::string> figure_label;
};

/// paiban's own wording for a language: zh-Hans 来源：/目录, zh-Hant (and
/// zh-TW, zh-HK, zh-MO) 來源：/目錄, ja 出典：/目次, ko 출처: /차례, any other
/// "Source: "/Contents; dates 2017年6月15日 in Chinese and Japanese.
Wording default_wording(const std::string& lang);

/// Everything a layout file says. Style keys the engine uses:
/// cover: whatever the cover items name; "section", "heading", "subheading",
/// "body", "source", "list", "quote", "caption", "field-label", "field",
/// "backmatter-heading", "toc-title", "toc-1".."toc-3", "header", "footer".
struct Layout {
  std::map<std::string, Cmyk> colors;  ///< <color name>: usable wherever a colour is
  std::vector<SpotInk> spots;          ///< the spot inks the named colours use
  std::string name;
  std::string path;  ///< file it came from
  std::string lang;  ///< default language of the layout, may be empty
  PageGeometry page;
  std::map<std::string, FontRole> fonts;
  std::map<std::string, TextStyle> styles;
  EngineStyles engine;  ///< styles["body"] and the rest the engine uses, resolved
  std::vector<CoverItem> cover;  ///< the front page, top to bottom
  std::optional<Cmyk> cover_background;  ///< the whole front page, into the bleed
  std::vector<CoverBand> cover_bands;
  bool cover_page_alone = true;  ///< the front page has nothing else on it
  Furniture header, footer;  ///< on every page, or on right-hand (recto) pages when verso ones are given
  std::optional<Furniture> header_verso, footer_verso;  ///< on left-hand (even) pages
  bool furniture_on_first_page = false;
  ContentsStyle contents;
  ColumnStyle columns;  ///< <columns>: one column across the measure by default
  /// Wording for any language (<source label>, <contents title>, <date
  /// format>), and for particular languages (<words lang>), by tag.
  Wording any_language;
  std::map<std::string, Wording> words;
  bool backmatter_new_page = true;
  BreakLevel line_break_level = BreakLevel::basic;  ///< <line-break level>
  EmphasisStyle emphasis;
  Frame box_frame{false, {}, 0.5, Cmyk{}, 0, {}, 8};  ///< <box-frame>; a thin black border by default
  std::optional<Frame> quote_frame;                  ///< <quote-frame>; none by default
  double han_latin_gap_em = 0;  ///< <line-break han-latin-gap>; 0 = paiban's (a hair under 1/4 em)
  FigureStyle figures;          ///< <figures>

  /// The named style; throws std::out_of_range naming the style when absent.
  const TextStyle& style(const std::string& key) const;
  /// The wording for an issue in `lang`: the layout's <words> for the
  /// language (or the nearest broader tag: zh-Hant-TW, zh-Hant, zh), over
  /// its language-neutral settings, over default_wording(lang).
  Wording wording_for(const std::string& lang) const;
};

/// How <em> is set for an issue in `lang`: the layout's choice, and for
/// `automatic`, dots for Chinese (zh...) and bold otherwise.
EmphasisKind emphasis_kind(const Layout& layout, const std::string& lang);

/// Reads a layout file. Throws InputError with FILE:LINE:COLUMN.
Layout parse_layout_file(const std::string& path);

/// Same, from bytes already read; `path` names them in messages and is
/// Layout::path.
Layout parse_layout(const std::string& bytes, const std::string& path);

/// Finds a layout named in a manifest: a path (relative to the manifest's
/// directory) or a name looked up in the layout directories (layouts/ of the
/// source tree, the installed data dir). Empty name = the default layout.
/// A path may not be absolute or leave the manifest's directory tree
/// (through ".." or a symbolic link) unless `allow_outside`.
/// Throws InputError at `where` when it is not found or not allowed.
/// `search_first`: directories searched by name before layout_search_path()'s
/// (the command line passes PAIBAN_LAYOUT_PATH).
Layout load_layout(const std::string& name, const std::string& manifest_path,
                   const SourceLocation& where, bool allow_outside = false,
                   const std::vector<std::string>& search_first = {});

/// The file load_layout would read, found and checked the same way, unread.
std::string find_layout(const std::string& name, const std::string& manifest_path,
                        const SourceLocation& where, bool allow_outside = false,
                        const std::vector<std::string>& search_first = {});

/// Directories searched for layouts by name, in order: `search_first`, then
/// the data directories' layouts/.
std::vector<std::string> layout_search_path(const std::vector<std::string>& search_first = {});

}  // namespace paiban
