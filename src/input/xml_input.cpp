#include "input/xml_input.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "input/encoding.hpp"

namespace paiban {
namespace {

constexpr std::string_view xml_namespace = "http://www.w3.org/XML/1998/namespace";

std::string_view prefix_of(std::string_view name) {
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
}

bool is_declaration(std::string_view attribute_name) {
  return attribute_name == "xmlns" || attribute_name.starts_with("xmlns:");
}

bool is_text(pugi::xml_node node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

bool is_blank(std::string_view text) {
  for (char c : text) {
    if (!is_xml_space(c)) return false;
  }
  return true;
}

/// Visits every node once, in document order, with its depth (1 = a child of
/// `top`), without recursion: a hostile file may nest deeply.
template <typename Visit>
void for_each_node(pugi::xml_node top, Visit visit) {
  int depth = 1;
  for (pugi::xml_node node = top.first_child(); node;) {
    visit(node, depth);
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node && !node.next_sibling() && node != top) node = node.parent(), --depth;
    if (!node || node == top) break;
    node = node.next_sibling();
  }
}

// Deeper than this is no newsletter. The cap keeps every walk up the
// ancestors (namespace lookup) and the readers' recursion short.
constexpr int max_nesting = 200;

/// `size` 0: not known (a stream read up to the limit).
std::string size_limit_message(std::string_view what, std::size_t size) {
  std::string limit = std::to_string(max_input_bytes >> 20) + " MB";
  return "the " + std::string(what) + " is larger than " + limit +
         (size > 0 ? " (" + std::to_string(size) + " bytes)" : std::string()) +
         ": paiban reads manifests and layouts of up to " + limit;
}

const std::string& within_size_limit(const std::string& bytes, const std::string& path) {
  if (bytes.size() > max_input_bytes)
    throw InputError({path}, size_limit_message("file", bytes.size()));
  return bytes;
}

}  // namespace

XmlInput::XmlInput(const std::string& bytes, std::string path)
    : text_(std::make_shared<const std::string>(
          decode_xml_input(within_size_limit(bytes, path), path))),
      buffer_(text_->begin(), text_->end()),
      map_(*text_, std::move(path)) {
  buffer_.push_back('\0');
  // A DOCTYPE is kept as a node only to refuse it. parse_fragment keeps text
  // outside the root element as nodes (else pugixml drops it silently), so
  // that check_tree() can refuse it too.
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_declaration |
                     pugi::parse_doctype | pugi::parse_fragment;
  pugi::xml_parse_result result =
      doc_.load_buffer_inplace(buffer_.data(), text_->size(), options, pugi::encoding_utf8);
  if (!result) {
    if (result.status == pugi::status_no_document_element) {
      throw InputError(map_.locate(0), "no root element: expected an XML document");
    }
    auto offset = static_cast<std::size_t>(result.offset);
    // pugixml calls an unclosed element at the end of the file a mismatch.
    bool truncated =
        result.status == pugi::status_end_element_mismatch && offset + 1 >= text_->size();
    throw InputError(map_.locate(offset),
                     truncated ? "malformed XML: the file ends inside an element (not closed)"
                               : std::string("malformed XML: ") + result.description());
  }
  check_tree();
}

std::size_t XmlInput::offset_of(const char* p) const {
  const char* base = buffer_.data();
  return p >= base && p < base + buffer_.size() ? static_cast<std::size_t>(p - base) : 0;
}

pugi::xml_node XmlInput::expect_root(std::string_view name) const {
  pugi::xml_node element = root();
  std::string wanted(name);
  if (element.name() != wanted) {
    fail(element, "the root element must be <" + wanted + ">, not <" + element.name() + ">");
  }
  if (is_foreign(element)) {
    fail(element, "<" + wanted + "> must be in no namespace, not xmlns=\"" +
                      element.attribute("xmlns").value() + "\"");
  }
  return element;
}

SourceLocation XmlInput::at(pugi::xml_node node) const {
  if (node.type() == pugi::node_element || node.type() == pugi::node_declaration) {
    std::size_t name = offset_of(node.name());
    return map_.locate(name > 0 ? name - 1 : 0);  // the '<' before the name
  }
  if (node.type() == pugi::node_doctype) {
    std::size_t start = text_->rfind("<!DOCTYPE", offset_of(node.value()));
    return map_.locate(start == std::string::npos ? 0 : start);
  }
  return map_.locate(offset_of(node.value()));
}

SourceLocation XmlInput::at(pugi::xml_node text, std::size_t byte_offset) const {
  return map_.locate(offset_of(text.value()) + byte_offset);
}

SourceText XmlInput::source_of(pugi::xml_node text) const { return source_at(text.value()); }

SourceText XmlInput::source_of(pugi::xml_attribute attribute) const {
  return source_at(attribute.name());
}

SourceText XmlInput::source_at(const char* p) const {
  const char* base = buffer_.data();
  if (p < base || p >= base + buffer_.size()) return {};  // pugixml's "" for no value
  return {text_, static_cast<std::size_t>(p - base)};
}

SourceLocation XmlInput::at(pugi::xml_attribute attribute) const {
  return map_.locate(offset_of(attribute.name()));
}

void XmlInput::fail(pugi::xml_node node, const std::string& message) const {
  throw InputError(at(node), message);
}

void XmlInput::fail(pugi::xml_attribute attribute, const std::string& message) const {
  throw InputError(at(attribute), message);
}

std::string XmlInput::namespace_uri(pugi::xml_node element, std::string_view prefix) const {
  if (prefix == "xml") return std::string(xml_namespace);
  std::string declaration = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (pugi::xml_node node = element; node.type() == pugi::node_element; node = node.parent()) {
    if (pugi::xml_attribute a = node.attribute(declaration.c_str())) return a.value();
  }
  if (!prefix.empty())
    fail(element, "namespace prefix '" + std::string(prefix) + "' is not declared");
  return "";
}

bool XmlInput::is_foreign(pugi::xml_node element) const {
  return !namespace_uri(element, prefix_of(element.name())).empty();
}

bool XmlInput::is_foreign(pugi::xml_node owner, pugi::xml_attribute attribute) const {
  std::string_view name = attribute.name();
  if (is_declaration(name)) return true;
  std::string_view prefix = prefix_of(name);
  return !prefix.empty() && !namespace_uri(owner, prefix).empty();
}

std::vector<pugi::xml_node> XmlInput::element_children(pugi::xml_node parent) const {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node child : parent.children()) {
    if (is_text(child)) {
      std::string_view value = child.value();
      if (!is_blank(value)) {
        std::size_t skip = 0;
        while (is_xml_space(value[skip])) ++skip;
        throw InputError(map_.locate(offset_of(child.value()) + skip),
                         "text is not allowed directly in <" + std::string(parent.name()) + ">");
      }
    } else if (child.type() == pugi::node_element && !is_foreign(child)) {
      out.push_back(child);
    }
  }
  return out;
}

void XmlInput::check_attributes(pugi::xml_node element,
                                std::initializer_list<std::string_view> allowed) const {
  for (pugi::xml_attribute attribute : element.attributes()) {
    if (is_foreign(element, attribute)) continue;
    bool known = false;
    for (std::string_view name : allowed) known = known || name == attribute.name();
    if (!known) {
      fail(attribute,
           "unknown attribute '" + std::string(attribute.name()) + "' on <" + element.name() + ">");
    }
  }
}

void XmlInput::check_tree() const {
  int roots = 0;
  for (pugi::xml_node node : doc_.children()) {
    if (node.type() == pugi::node_doctype) {
      fail(node, "a DOCTYPE is not allowed (no DTDs or entity declarations)");
    }
    if (node.type() == pugi::node_element && ++roots > 1) {
      fail(node, "only one root element is allowed");
    }
    if (is_text(node) && !is_blank(node.value())) {
      std::string_view value = node.value();
      std::size_t skip = 0;
      while (is_xml_space(value[skip])) ++skip;
      throw InputError(map_.locate(offset_of(node.value()) + skip),
                       "text outside the root element");
    }
  }
  if (roots == 0) throw InputError(map_.locate(0), "no root element: expected an XML document");
  for_each_node(doc_, [&](pugi::xml_node node, int depth) {
    if (depth > max_nesting) {
      fail(node, "elements are nested more than " + std::to_string(max_nesting) + " deep");
    }
    if (node.type() == pugi::node_pcdata) {
      std::size_t begin = offset_of(node.value());
      check_references(begin, text_->find('<', begin));
    }
    if (node.type() != pugi::node_element) return;
    namespace_uri(node, prefix_of(node.name()));  // throws on an unbound prefix
    std::set<std::string_view> seen;
    for (pugi::xml_attribute attribute : node.attributes()) {
      std::string_view name = attribute.name();
      if (!seen.insert(name).second)
        fail(attribute, "duplicate attribute '" + std::string(name) + "'");
      if (!is_declaration(name) && !prefix_of(name).empty()) namespace_uri(node, prefix_of(name));
      // pugixml leaves the value in place: the opening quote is just before it.
      std::size_t begin = offset_of(attribute.value());
      if (begin == 0) continue;
      char quote = (*text_)[begin - 1];
      std::size_t end = text_->find(quote, begin);
      std::size_t lt = text_->find('<', begin);
      if (lt < end) throw InputError(map_.locate(lt), "'<' is not allowed in an attribute value");
      check_references(begin, end);
    }
  });
}

/// pugixml passes an unknown "&name;" through as text; XML allows only the
/// five predefined entities and character references to XML characters.
void XmlInput::check_references(std::size_t begin, std::size_t end) const {
  // Search only [begin, end): a search to the end of the file for every text
  // node made a large manifest with no '&' quadratic (100 MB: hours).
  std::string_view window = std::string_view(*text_).substr(0, std::min(end, text_->size()));
  end = window.size();
  for (std::size_t i = window.find('&', begin); i < end; i = window.find('&', i + 1)) {
    std::size_t semicolon = window.find(';', i);
    std::string_view name = semicolon < end
                                ? std::string_view(*text_).substr(i + 1, semicolon - i - 1)
                                : std::string_view();
    bool ok = name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
    if (!ok && name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x';
      std::string digits(name.substr(hex ? 2 : 1));
      // Leading zeros are legal (&#x0000000041; is 'A'): the length limit
      // below counts only the digits that matter.
      std::size_t zeros = 0;
      while (zeros + 1 < digits.size() && digits[zeros] == '0') ++zeros;
      digits.erase(0, zeros);
      char* stop = nullptr;
      unsigned long value = digits.empty() || digits.size() > 8
                                ? 0
                                : std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
      ok = stop && *stop == '\0' && digits.find_first_of("+- ") == std::string::npos &&
           is_xml_char(static_cast<char32_t>(value));
    }
    if (!ok) {
      throw InputError(map_.locate(i), name.empty()
                                           ? "'&' must be written &amp;"
                                           : "unknown entity or bad character reference '&" +
                                                 std::string(name) + ";'");
    }
  }
}

std::string special_file_kind(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  switch (fs::status(path, error).type()) {
    case fs::file_type::fifo:
      return "a FIFO (named pipe)";
    case fs::file_type::character:
      return "a character device";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::unknown:
      return "a special file";
    default:
      return "";
  }
}

std::string read_input_file(const std::string& path, std::string_view what) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw InputError({path}, "is a directory, not a " + std::string(what));
  }
  if (std::string kind = special_file_kind(path); !kind.empty()) {
    throw InputError({path}, "is " + kind + ", not a regular file: the " + std::string(what) +
                                 " must be a file (it is not opened)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path}, "cannot read the " + std::string(what) + ": " + std::strerror(errno));
  }
  // Read at most the limit and one byte more: a huge file (or /dev/zero) is
  // refused without being read whole.
  std::string bytes;
  std::error_code size_error;
  auto size = std::filesystem::file_size(path, size_error);
  if (!size_error && size > max_input_bytes)
    throw InputError({path}, size_limit_message(what, static_cast<std::size_t>(size)));
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_input_bytes) throw InputError({path}, size_limit_message(what, 0));
  }
  if (in.bad()) {
    throw InputError({path}, "cannot read the " + std::string(what) + ": " + std::strerror(errno));
  }
  return bytes;
}

std::string token_value(pugi::xml_attribute attribute) {
  std::string out;
  bool pending_space = false;
  for (const char* p = attribute.value(); *p; ++p) {
    if (is_xml_space(*p)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out += *p;
    }
  }
  return out;
}

}  // namespace paiban
