// The record a batch leaves beside each PDF: which inputs made it and what the
// render said. Kept per PDF (OUTDIR/.paiban-batch/OUTPUT.record) rather than
// in one shared file, so that shards on several machines writing into one
// output directory never overwrite each other's records, and an interrupted
// batch keeps what it finished.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/batch/freshness.hpp"
#include "paiban/diagnostics.hpp"

namespace paiban::batch {

struct Record {
  std::string key;         ///< Stamp::key of the inputs the PDF was made from
  std::string pdf_digest;  ///< SHA-256 of the PDF written
  size_t pdf_bytes = 0;
  int pages = 0;
  Warnings warnings;               ///< what that render warned about
  std::vector<InputStamp> inputs;  ///< for telling what changed
};

/// OUTDIR/.paiban-batch/OUTPUT.record
std::string record_path(const std::string& output_dir, const std::string& output);

/// The record at `path`, or nothing when it is absent or unreadable (which
/// only means the PDF is set again).
std::optional<Record> read_record(const std::string& path);

/// Writes atomically (a temporary file renamed into place; not fsync'ed: a
/// lost record only means a re-render), creating the directory. Throws
/// std::runtime_error.
void write_record(const std::string& path, const Record& record);

/// True when the PDF at `pdf_path` is the one the record describes.
bool pdf_matches(const Record& record, const std::string& pdf_path);

}  // namespace paiban::batch
