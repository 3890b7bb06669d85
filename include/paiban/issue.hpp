// The issue model: what a manifest says, with no XML types.
// Produced by parse_manifest() (manifest.hpp), consumed by layout stages.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "paiban/diagnostics.hpp"
#include "paiban/image.hpp"

namespace paiban {

/// One run of inline text with uniform style. White space already folded as
/// the spec says (dropped between two CJK characters, else one space).
struct InlineRun {
  std::string text{};  ///< UTF-8
  bool strong = false;
  bool emphasis = false;
  std::string href{};       ///< non-empty inside <a href>
  bool line_break = false;  ///< a <br/>: text is empty
  SourceLocation where{};   ///< where this run starts in the manifest
  /// <ruby>: `text` is the base, this its annotation (<rt>), set above it.
  std::string ruby{};
  /// Inside <span lang>: the text's language (BCP 47), when the manifest
  /// names one; empty = the issue's.
  std::string lang{};
  /// The run as the manifest has it (text read from a file only), so that a
  /// warning about one of its characters can point at that character.
  SourceText source{};
};

/// Inline content: text mixed with strong, em, a, br, ruby, span.
using InlineText = std::vector<InlineRun>;

/// The plain UTF-8 text of inline content (br becomes "\n").
std::string plain_text(const InlineText& text);

enum class ListMarker { none, bullet, number };

struct Field {
  std::string label;
  InlineText value;
  SourceLocation where;
};

enum class BlockKind { paragraph, subheading, list, quote, figure, heading, fields, box };

/// figure/@place: where a figure stands. `here` in the text where it falls
/// (on the next page's top when it does not fit), `top` or `bottom` of the
/// page (across the columns, when the page has columns), `column_top` or
/// `column_bottom` of the column it falls in (of the page, in one column).
enum class FigurePlace { here, top, bottom, column_top, column_bottom };
/// figure/@span: how wide a figure may be. `column` the column's measure,
/// `all` across every column of the text area, `bleed` the whole page into
/// the bleed (print) or to the trim edge (screen).
enum class FigureSpan { column, all, bleed };

/// A block of an article or of the back matter.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  SourceLocation where;
  InlineText text;                ///< paragraph, subheading, heading; figure caption
  bool indent = true;             ///< paragraph: p/@indent
  std::vector<InlineText> items;  ///< list
  int columns = 1;                ///< list
  ListMarker marker = ListMarker::none;
  std::vector<Block> paragraphs;  ///< quote: its <p>s; box: its <p>s and <subheading>s (text: @title)
  std::string figure_path;        ///< figure: resolved path of @src
  ImageFacts figure;              ///< figure: what the file is, read once at <figure>
  std::optional<double> figure_width;  ///< figure: fraction of the measure; absent: the layout's
  std::string figure_alt;         ///< figure: @alt, white space folded; empty when absent
  FigurePlace figure_place = FigurePlace::here;  ///< figure: @place
  FigureSpan figure_span = FigureSpan::column;   ///< figure: @span
  std::string figure_credit;      ///< figure: @credit (who made the picture), folded; may be empty
  std::vector<Field> fields;      ///< fields
};

struct Article {
  std::string id;  ///< may be empty
  SourceLocation where;
  InlineText heading;
  std::vector<Block> blocks;
  std::optional<InlineText> source;  ///< the 来源 text, without the label
};

struct Section {
  std::string title;
  SourceLocation where;
  std::vector<Article> articles;
  int columns = 0;  ///< section/@columns (1-3); 0: the layout's <columns count>
};

struct TocRequest {
  std::optional<std::string> title;  ///< else the layout's
  int depth = 2;                     ///< 1 sections, 2 + articles, 3 + subheadings
  SourceLocation where;
};

struct Date {
  int year = 0, month = 0, day = 0;
};

struct Issue {
  std::string manifest_path;  ///< as given on the command line
  int version = 1;
  std::string layout;  ///< layout name or path; empty = default layout
  SourceLocation layout_where;
  std::string lang = "zh-Hans";
  Date date;
  std::string number;
  std::string title;
  std::optional<InlineText> subtitle;
  std::optional<InlineText> organization;
  InlineText publisher;
  std::optional<TocRequest> toc;  ///< where <toc/> stands: always after the front matter
  std::vector<Section> sections;
  std::optional<std::vector<Block>> backmatter;
};

}  // namespace paiban
