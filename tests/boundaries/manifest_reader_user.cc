// Compiled by the StageBoundaries tests (CMakeLists.txt), not by paiban_tests:
// code that reaches into the manifest stage's private inline reader. It builds
// in a target that declares the manifest stage and fails in one that does not.
#include "manifest/inline_reader.hpp"

namespace paiban {
InlineText (*const inline_reader_entry)(const XmlInput&, pugi::xml_node) = &read_inline;
}  // namespace paiban
