// Stage 1: manifest.xml -> Issue.
#pragma once
#include <cstddef>
#include <string>

#include "paiban/issue.hpp"

namespace paiban {

/// The largest manifest (or layout) paiban reads, in bytes: a larger file is
/// refused before it is read whole (see docs/manifest.md).
inline constexpr std::size_t max_manifest_bytes = std::size_t{16} << 20;

struct ManifestOptions {
  /// figure/@src may be absolute or leave the manifest's directory tree
  /// (through ".." or a symbolic link); else that is an error (render
  /// --allow-outside).
  bool allow_outside = false;
};

/// Reads and validates an issue manifest (spec: shared/spec/manifest.md).
/// Transcodes GB18030/GBK/GB2312/Big5 declared in the XML declaration; refuses
/// any other non-UTF-8 encoding. Throws InputError with FILE:LINE:COLUMN on
/// any violation. `path` is used in messages and to resolve figure paths.
Issue parse_manifest_file(const std::string& path, const ManifestOptions& options = {});

/// Same, from bytes already read; `path` names them in messages.
Issue parse_manifest(const std::string& bytes, const std::string& path,
                     const ManifestOptions& options = {});

}  // namespace paiban
