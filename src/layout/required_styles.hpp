// The style keys the engine asks a layout for (see the comment on Layout).
#pragma once
#include <array>
#include <string_view>

namespace paiban {

/// Every layout must define these, plus the styles its cover items name.
inline constexpr std::array<std::string_view, 17> required_styles = {"section",
                                                                     "heading",
                                                                     "subheading",
                                                                     "body",
                                                                     "source",
                                                                     "list",
                                                                     "quote",
                                                                     "caption",
                                                                     "field-label",
                                                                     "field",
                                                                     "backmatter-heading",
                                                                     "toc-title",
                                                                     "toc-1",
                                                                     "toc-2",
                                                                     "toc-3",
                                                                     "header",
                                                                     "footer"};

}  // namespace paiban
