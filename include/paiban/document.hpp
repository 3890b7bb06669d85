// Laid-out pages: plain values passed from pagination to the PDF writer.
// Coordinates in pt from the top-left corner of the trimmed page, y down
// (the one y-flip happens in the PDF writer).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "paiban/fonts.hpp"
#include "paiban/image.hpp"
#include "paiban/issue.hpp"
#include "paiban/layout.hpp"

namespace paiban {

/// What a painted item belongs to in the logical structure (tagged PDF): an
/// index into Document::structure, or kArtifact for what a reader skips
/// (running heads, page numbers, leaders, rules, crop marks).
constexpr int kArtifact = -1;

/// One element of the document's logical structure, as a screen reader walks
/// it. Children are the elements naming it as parent, in index order, which
/// is the manifest's order.
struct StructureElement {
  std::string role;  ///< a standard structure type: Document, Sect, Art, H1-H3, P, L, LI, Lbl,
                     ///< LBody, BlockQuote, Figure, Caption, TOC, TOCI, Link, Note, Span
  int parent = -1;   ///< index of the parent element; -1 for the root (Document)
  std::string alt;   ///< Figure: the alternate description
  std::string lang;  ///< BCP 47, when it differs from the document's
};

struct PageGlyph {
  FaceId face = 0;
  uint32_t glyph = 0;
  double size = default_text_size;  ///< pt
  /// The origin, pt: on the baseline for horizontal, sideways (turned 90°
  /// clockwise, the baseline running down) and tate-chu-yoko glyphs; the
  /// vertical origin (top centre of the em box) of an upright one.
  double x = 0, y = 0;
  double advance = 0;   ///< pt, as drawn, in the glyph's direction (down for upright)
  Cmyk color;
  std::u32string text;   ///< for ToUnicode / copy and search
  bool no_text = false;  ///< stands for no character (a hyphen at a break, ruby): empty ActualText
  int element = kArtifact;  ///< structure element (Document::structure)
  GlyphOrientation orientation = GlyphOrientation::horizontal;
};

struct PageRule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< pt
  double width = 0.5;                     ///< pt
  Cmyk color;
  int element = kArtifact;  ///< structure element; rules are decoration by default
};

/// A filled and/or stroked rectangle: backgrounds, boxes, bands.
struct PageBox {
  double x = 0, y = 0, width = 0, height = 0;  ///< pt, top-left corner
  bool filled = true;
  Cmyk fill;
  double stroke_width = 0;  ///< pt; 0 = no border
  Cmyk stroke;
};

/// A filled dot (emphasis marks).
struct PageDot {
  double x = 0, y = 0;  ///< centre, pt
  double radius = 0.5;
  Cmyk color;
};

/// A clickable area: to a page of this document or to a URI.
struct PageLink {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< pt
  int target_page = -1;                   ///< 0-based, -1 when uri is used
  double target_y = 0;                    ///< pt from the top of the target page
  std::string uri;
  int element = kArtifact;  ///< the Link (or TOCI) element the annotation belongs to
};

struct PageImage {
  ImageFacts facts;                            ///< the file (facts.path) and what it is
  double x = 0, y = 0, width = 0, height = 0;  ///< pt, top-left corner
  SourceLocation where;                        ///< its <figure>, for errors
  std::string alt;                             ///< alternate text, may be empty
  int element = kArtifact;                     ///< the Figure element
  bool figure = false;                         ///< a manifest's <figure> (not a logo)
};

struct Page {
  std::vector<PageBox> boxes;  ///< drawn first, under everything
  std::vector<PageDot> dots;
  std::vector<PageGlyph> glyphs;
  std::vector<PageRule> rules;
  std::vector<PageLink> links;
  std::vector<PageImage> images;
  std::string label;   ///< the page number as printed, may be empty
  bool blank = false;  ///< padding page (saddle stitch), no furniture
};

struct OutlineEntry {
  std::string title;  ///< UTF-8
  int level = 1;      ///< 1 section, 2 article
  int page = 0;       ///< 0-based
  double y = 0;       ///< pt from the top
};

struct Document {
  PageGeometry geometry;  ///< trim size and bleed
  std::vector<SpotInk> spots;  ///< the spot inks Cmyk::spot indexes
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::string title;  ///< the issue's title (document info)
  std::string subject;
  std::string author;  ///< publisher
  std::string lang;    ///< BCP 47
  Date date;           ///< the issue's date
  /// The logical structure; element 0 is the Document root when not empty.
  std::vector<StructureElement> structure;
};

}  // namespace paiban
