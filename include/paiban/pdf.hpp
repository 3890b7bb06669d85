// Stage: Document -> PDF bytes (libharu object layer, hb-subset fonts).
#pragma once
#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

#include "paiban/document.hpp"
#include "paiban/fonts.hpp"

namespace paiban {

enum class PdfStandard { none, x4, x1a };

struct PdfOptions {
  bool print = false;                      ///< PDF/X: boxes, bleed, crop marks, output intent
  PdfStandard standard = PdfStandard::x4;  ///< used when print
  bool compress = true;
  std::optional<long long> source_date_epoch;  ///< else the issue's date
  std::string icc_profile;  ///< CMYK output profile (print), empty = default search
  /// Tagged PDF (structure tree, marked content); off only to measure what it costs.
  bool tagged = true;
  /// PDF/UA-1 must hold (--pdfua): a figure without an alternate description
  /// is an error. Without it the file claims PDF/UA-1 only when it holds.
  bool pdfua = false;
  bool pdfa = false;  ///< PDF/A-2u (--pdfa): archival; with print also PDF/X
  /// Threads the writer may use, its caller's included (faces are subset
  /// beside the figures' encoding). A batch that keeps every core busy with
  /// issues gives 1. Never changes the output.
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
};

/// Whether the document as laid out can be PDF/UA-1: tagged, with an
/// alternate description on every figure.
bool meets_pdfua(const Document& document, const PdfOptions& options);

/// Writes the document. Deterministic: the same inputs give the same bytes.
/// Throws std::runtime_error on an internal failure.
std::string write_pdf(const Document& document, const FontCache& fonts, const PdfOptions& options);

/// What a print shop checks first, without writing the PDF: standard, trim
/// size and bleed (pt and mm), page count, fonts (all embedded as subsets),
/// colour spaces, output intent, links, bookmarks. Plain text, or JSON when
/// `json`.
std::string preflight_summary(const Document& document, const FontCache& fonts,
                              const PdfOptions& options, bool json);

/// The output could not be written (a full disk, no permission): neither the
/// input's fault nor a bug. what() names the file and the reason.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Writes `bytes` to a temporary file beside `path` and renames it into
/// place; on any failure the old file is untouched and nothing is left.
/// Throws OutputError naming the file.
void write_file_atomically(const std::string& path, std::string_view bytes);

/// The temporaries write_file_atomically makes are named
/// ".NAME.paiban-HOST-PID-XXXXXX" (NAME cut to 180 bytes, so any legal
/// output name has a legal temporary). A SIGINT, SIGTERM or SIGHUP removes
/// the ones being written, once remove_temporaries_on_signals() is called.
void remove_temporaries_on_signals();

/// Removes temporaries of write_file_atomically under `dir` (recursively)
/// that no running paiban is writing: made on this host by a process that
/// has ended, or older than an hour. Returns how many it removed.
int remove_stale_temporaries(const std::string& dir);

}  // namespace paiban
