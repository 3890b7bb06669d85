// The job: manifest path -> PDF bytes, running the pipeline
//   load_job (parse manifest, load layout, hash inputs)
//     -> render_job (paginate: shape, break, pages -> write PDF).
#pragma once
#include <map>
#include <mutex>
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

/// What a render reads besides fonts.
enum class InputKind { manifest, layout, layout_image, figure };

/// "manifest", "layout", "layout image", "figure" (the words batch records).
const char* to_string(InputKind kind);

/// One file a render reads and the SHA-256 (hex) of its content (empty when
/// load_job was not asked for digests).
struct InputFile {
  InputKind kind = InputKind::manifest;
  std::string path;
  std::string digest;
};

/// A render's inputs, loaded once: the manifest read into an Issue, its
/// layout, and every file the two name, each with its content hash. What
/// render_job sets and what a batch's up-to-date check fingerprints, so the
/// two cannot disagree about what an issue depends on.
struct Job {
  Issue issue;  ///< issue.manifest_path: the manifest as given
  Layout layout;
  /// The manifest, the layout, the layout's pictures (cover, running heads),
  /// the figures (those in boxes too), in that order, each file once. The
  /// manifest's and layout's digests are of the bytes parsed; a picture's is
  /// of its file, read in full here (the parsers read only its header).
  std::vector<InputFile> inputs;
};

/// Digests of files that many jobs share (a layout's pictures), each file
/// hashed once per FileDigests. Thread-safe. Holds one entry per file asked
/// about: give it only files shared by many issues.
class FileDigests {
 public:
  /// The SHA-256 (hex) of the file's content. Throws std::runtime_error
  /// naming the file when it cannot be read.
  std::string of(const std::string& path);

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> digests_;
};

/// Reads the manifest and its layout (options.allow_outside and
/// options.layout_path as render_issue). Throws InputError for bad input.
/// With `digests`, every input is hashed (a batch's up-to-date check), the
/// layout's pictures once per `digests`; without, the inputs are listed with
/// empty digests: a render alone needs none, and hashing its figures was 5 %
/// of one.
Job load_job(const std::string& manifest_path, const RenderOptions& options,
             FileDigests* digests = nullptr);

struct RenderResult {
  std::string pdf;  ///< the file's bytes
  int pages = 0;
  Warnings warnings;
  /// Files read: manifest, layout, layout pictures, figures (watch, an
  /// output that must not overwrite one of them).
  std::vector<std::string> inputs;
  std::string preflight;  ///< the summary, when RenderOptions::preflight asks for one
};

/// Sets a loaded job. Throws InputError for bad input (exit 2), other
/// exceptions for internal failures. Safe to call from several threads with
/// one shared FontCache.
RenderResult render_job(const Job& job, FontCache& fonts, const RenderOptions& options);

/// load_job, then render_job.
RenderResult render_issue(const std::string& manifest_path, FontCache& fonts,
                          const RenderOptions& options);

/// Everything render_issue refuses, found the same way, with nothing
/// written: the whole pipeline runs (missing fonts, unreadable or damaged
/// figures, RGB figures with --print, page and string limits, warnings
/// with warnings_as_errors) and the PDF's bytes are dropped. Throws as
/// render_issue; returns its warnings and page count.
RenderResult check_issue(const std::string& manifest_path, FontCache& fonts,
                         const RenderOptions& options);

/// "paiban 0.1.0"
const char* version_string();

/// One line per library paiban runs with: "HarfBuzz 6.0.0" ...
std::string library_versions();

}  // namespace paiban
