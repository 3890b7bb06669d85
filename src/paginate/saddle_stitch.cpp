#include "paiban/paginate.hpp"

namespace paiban {

void pad_for_saddle_stitch(Document& document) {
  while (document.pages.size() % 4 != 0) {
    Page blank;
    blank.blank = true;
    blank.label = std::to_string(document.pages.size() + 1);
    document.pages.push_back(std::move(blank));
  }
}

}  // namespace paiban
