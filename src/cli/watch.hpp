// `paiban render --watch`: render, then render again whenever the manifest,
// its layout or a figure changes (inotify). A broken edit prints its
// message and keeps the last good PDF.
#pragma once
#include <string>

#include "paiban/render.hpp"

namespace paiban::cli {

/// Runs until interrupted (or, for tests, after `max_renders` renders when > 0).
int watch_and_render(const std::string& manifest, const std::string& output,
                     const RenderOptions& options, int max_renders);

}  // namespace paiban::cli
