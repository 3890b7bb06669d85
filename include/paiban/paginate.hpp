// Stage: Issue + Layout -> Document. Sets every block into lines, fills pages
// with running headers and footers, builds the front page, the contents page
// and the back matter, and lays out again until every contents entry's page
// number is stable.
#pragma once
#include "paiban/diagnostics.hpp"
#include "paiban/document.hpp"
#include "paiban/fonts.hpp"
#include "paiban/issue.hpp"
#include "paiban/layout.hpp"

namespace paiban {

/// With `threads` > 1 the articles' paragraphs are also set on threads - 1
/// background threads: the Document is the same whatever the count.
Document paginate(const Issue& issue, const Layout& layout, FontCache& fonts, Warnings& warnings,
                  unsigned threads = 1);

/// A placed figure's resolution: its pixels over its size on the page, in
/// pixels per inch, the lesser of width and height.
double effective_dpi(const PageImage& image);

/// Warns ("figure-low-resolution", at the <figure>) for every figure placed
/// at fewer pixels per inch than the layout's least for the output
/// (FigureStyle: 300 for print, 150 for screen unless it says otherwise).
void check_figure_resolution(const Document& document, const FigureStyle& figures, bool print,
                             Warnings& warnings);

/// Saddle stitching folds sheets of four pages: pads the page count to a
/// multiple of 4 with blank pages (no furniture) at the end.
void pad_for_saddle_stitch(Document& document);

}  // namespace paiban
