// zlib's deflate in one call, for data the PDF writer compresses itself
// (object streams, figures shared across documents) rather than through
// libharu.
#pragma once
#include <string>
#include <string_view>

namespace paiban::pdf {

/// `data` as a zlib stream (/FlateDecode), at level 6 like libharu's streams.
std::string flate(std::string_view data);

}  // namespace paiban::pdf
