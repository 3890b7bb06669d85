// A post-pass over libharu's output: its many small dictionaries (structure
// elements, annotations, fonts, pages) go into Flate-compressed object
// streams, and the xref table becomes a cross-reference stream (PDF 1.5).
// libharu cannot write either; the objects' bytes and numbers are unchanged.
#pragma once
#include <string>
#include <string_view>

namespace paiban::pdf {

/// `classic`: a PDF with one body, an xref table and a trailer (libharu's
/// output). Returns the same objects with every non-stream object of
/// generation 0 in object streams and a compressed cross-reference stream
/// carrying the trailer's entries. Deterministic. Throws std::runtime_error
/// if `classic` is not laid out as expected (its own writer's bug, not input).
std::string pack_objects(std::string_view classic);

}  // namespace paiban::pdf
