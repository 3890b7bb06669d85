// Input decoding for XML files: everything past this point is UTF-8.
#pragma once
#include <string>

namespace paiban {

/// Returns `bytes` as UTF-8 ready for the XML parser: a UTF-8 BOM is removed;
/// a file whose XML declaration names GB18030, GBK, GB2312 or Big5 is
/// transcoded (ICU) and its encoding declaration blanked out with spaces so that
/// every later line:column stays where it was; any other declared encoding, a
/// UTF-16/32 byte-order mark, invalid UTF-8 or a character XML forbids throws
/// InputError at its position in `path`.
std::string decode_xml_input(const std::string& bytes, const std::string& path);

}  // namespace paiban
