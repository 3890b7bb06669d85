#include "paiban/layout.hpp"

#include <stdexcept>

namespace paiban {

const TextStyle& Layout::style(const std::string& key) const {
  auto found = styles.find(key);
  if (found == styles.end()) {
    throw std::out_of_range("layout " + (path.empty() ? name : path) + " has no style \"" + key +
                            "\"");
  }
  return found->second;
}

}  // namespace paiban
