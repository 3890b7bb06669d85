#include "input/text_content.hpp"

#include "input/white_space.hpp"

namespace paiban {

std::string read_text(const XmlInput& input, pugi::xml_node element) {
  std::string text;
  for (pugi::xml_node child : element.children()) {
    switch (child.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        text += child.value();
        break;
      case pugi::node_element:
        if (!input.is_foreign(child)) {
          input.fail(child, "<" + std::string(element.name()) + "> takes text only, not <" +
                                child.name() + ">");
        }
        break;
      default:  // comments, processing instructions
        break;
    }
  }
  return fold_white_space(text);
}

}  // namespace paiban
