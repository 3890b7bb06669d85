// The job: manifest path -> PDF bytes, running the pipeline
//   parse -> load layout -> paginate (shape, break, pages) -> write PDF.
#pragma once
#include <string>
#include <vector>

#include "paiban/diagnostics.hpp"
#include "paiban/fonts.hpp"
#include "paiban/issue.hpp"
#include "paiban/layout.hpp"
#include "paiban/pdf.hpp"

namespace paiban {

enum class Preflight { none, text, json };

struct RenderOptions {
  PdfOptions pdf;
  bool warnings_as_errors = false;
  bool saddle_stitch = false;             ///< pad to a multiple of 4 pages
  Preflight preflight = Preflight::none;  ///< also produce a preflight summary
  /// Figures and a layout path may be absolute or outside the manifest's
  /// directory tree (--allow-outside); else that is an input error.
  bool allow_outside = false;
  /// Searched first for a layout by name (the command line passes
  /// PAIBAN_LAYOUT_PATH).
  std::vector<std::string> layout_path;
};

struct RenderResult {
  std::string pdf;  ///< the file's bytes
  int pages = 0;
  Warnings warnings;
  std::vector<std::string> inputs;
  std::string preflight;  ///< the summary, when RenderOptions::preflight asks for one  ///< files
                          ///< read: manifest, layout, figures (watch, batch freshness)
};

/// Renders one issue. Throws InputError for bad input (exit 2), other
/// exceptions for internal failures (exit 3). Safe to call from several
/// threads with one shared FontCache.
RenderResult render_issue(const std::string& manifest_path, FontCache& fonts,
                          const RenderOptions& options);

/// Everything render_issue refuses, found the same way, with nothing
/// written: the whole pipeline runs (missing fonts, unreadable or damaged
/// figures, RGB figures with --print, page and string limits, warnings
/// with warnings_as_errors) and the PDF's bytes are dropped. Throws as
/// render_issue; returns its warnings and page count.
RenderResult check_issue(const std::string& manifest_path, FontCache& fonts,
                         const RenderOptions& options);

/// The pictures a layout draws (cover, running heads), each file once.
std::vector<std::string> layout_image_files(const Layout& layout);

/// The issue's figures (those in boxes included), each file once, in the
/// manifest's order.
std::vector<std::string> figure_files(const Issue& issue);

/// "paiban 0.1.0"
const char* version_string();

/// One line per library paiban runs with: "HarfBuzz 6.0.0" ...
std::string library_versions();

}  // namespace paiban
