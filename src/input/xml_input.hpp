// One XML input (manifest or layout) parsed strictly, with source positions.
// The only place pugixml is set up; the manifest and layout readers walk the
// tree through it so that every error names FILE:LINE:COLUMN.
#pragma once
#include <initializer_list>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "input/source_map.hpp"
#include "input/xml_chars.hpp"
#include "paiban/diagnostics.hpp"

namespace paiban {

class XmlInput {
 public:
  /// Decodes (see decode_xml_input), parses and checks well-formedness beyond
  /// what pugixml checks: no DOCTYPE, one root element, only the predefined
  /// entities, unique attributes, bound namespace prefixes. Throws InputError.
  XmlInput(const std::string& bytes, std::string path);
  XmlInput(const XmlInput&) = delete;
  XmlInput& operator=(const XmlInput&) = delete;

  pugi::xml_node root() const { return doc_.document_element(); }
  /// The root element, after checking it is <name> in no namespace.
  pugi::xml_node expect_root(std::string_view name) const;
  const std::string& path() const { return map_.path(); }

  /// An element: its '<'. Text: its first character. An attribute: its name.
  SourceLocation at(pugi::xml_node node) const;
  SourceLocation at(pugi::xml_attribute attribute) const;
  /// A character `byte_offset` bytes into a text node's value (exact up to
  /// the first entity or character reference in it).
  SourceLocation at(pugi::xml_node text, std::size_t byte_offset) const;
  /// A text node or an attribute as the file has it, from where at() places
  /// it: what InlineRun::source keeps for locating one of its characters.
  SourceText source_of(pugi::xml_node text) const;
  SourceText source_of(pugi::xml_attribute attribute) const;
  [[noreturn]] void fail(pugi::xml_node node, const std::string& message) const;
  [[noreturn]] void fail(pugi::xml_attribute attribute, const std::string& message) const;

  /// True when the element is in a namespace other than none: such elements
  /// are ignored with everything inside them (spec: archives stay readable).
  bool is_foreign(pugi::xml_node element) const;
  /// True for namespace declarations and prefixed (namespaced) attributes.
  bool is_foreign(pugi::xml_node owner, pugi::xml_attribute attribute) const;

  /// The element children of `parent` that are ours, in order. Text other
  /// than white space is an error here: `parent` has element-only content.
  std::vector<pugi::xml_node> element_children(pugi::xml_node parent) const;
  /// Throws at the first attribute that is neither foreign nor in `allowed`.
  void check_attributes(pugi::xml_node element,
                        std::initializer_list<std::string_view> allowed) const;

 private:
  std::size_t offset_of(const char* p) const;
  SourceText source_at(const char* p) const;
  std::string namespace_uri(pugi::xml_node element, std::string_view prefix) const;
  void check_tree() const;
  void check_references(std::size_t begin, std::size_t end) const;

  /// Decoded UTF-8, untouched: positions are counted here. Shared with the
  /// runs read from it (source_of), which outlive this reader.
  std::shared_ptr<const std::string> text_;
  std::vector<char> buffer_;  ///< a copy that pugixml parses in place
  SourceMap map_;
  pugi::xml_document doc_;
};

/// The largest manifest or layout read, in bytes. 16 MB of manifest is some
/// 5 million Han characters (a 10,000-article issue is under 1 MB) and sets
/// in bounded time and memory (tests/hardening/limits_test.cpp).
inline constexpr std::size_t max_input_bytes = std::size_t{16} << 20;

/// The bytes of an input file; throws InputError naming `path` when it cannot
/// be read, is not a regular file (a FIFO would block, a device never end:
/// neither is opened) or is larger than max_input_bytes. `what` names the file's role in
/// the message ("manifest").
std::string read_input_file(const std::string& path, std::string_view what);

/// What a file that is neither a regular file nor a directory is, for a
/// message: "a FIFO (named pipe)", "a character device"...; empty for a
/// regular file, a directory or nothing at all. Links are followed.
std::string special_file_kind(const std::string& path);

/// Attribute value with XML white space trimmed and inner runs folded to one
/// space: what RELAX NG's token type compares.
std::string token_value(pugi::xml_attribute attribute);

}  // namespace paiban
