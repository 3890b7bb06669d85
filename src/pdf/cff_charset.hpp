// Reads the charset of a CFF font program: which CID each glyph carries.
// hb-subset renumbers glyphs but keeps CIDs, and a CIDFontType0 font is
// addressed by CID, so the content stream needs this table.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace paiban::pdf {

struct CffCharset {
  bool cid_keyed = false;      ///< the Top DICT has ROS
  std::vector<uint16_t> cids;  ///< by glyph id; for a name-keyed font, SIDs
};

/// Parses a bare CFF table. Throws std::runtime_error when it is malformed.
CffCharset read_cff_charset(std::string_view cff);

}  // namespace paiban::pdf
