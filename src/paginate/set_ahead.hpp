// Paragraphs set ahead on another thread: while collect_blocks works through
// the issue from the front, a background thread shapes and breaks the
// articles' paragraphs, headings and subheadings from the back (they are
// most of pagination's work, and each depends only on its text, style and
// measure). The typesetter takes a paragraph's lines when it reaches it,
// sets it itself when no thread has begun it, or waits for the one that has.
#pragma once
#include <atomic>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "common/background_threads.hpp"
#include "paiban/diagnostics.hpp"
#include "paiban/issue.hpp"
#include "paiban/layout.hpp"

namespace paiban {

struct SetText;

/// One paragraph as Typesetter::set is asked to set it. `text` points into
/// the Issue, which outlives pagination: a request is known by that address
/// and the parameters, so a paragraph set with other ones is not taken.
struct SetRequest {
  const InlineText* text = nullptr;
  const TextStyle* style = nullptr;
  double measure = 0, first_indent = 0;
  Align align = Align::justify;
  WritingMode mode = WritingMode::horizontal_tb;

  auto key() const { return std::make_tuple(text, style, measure, first_indent, align, mode); }
};

class SetAhead {
 public:
  /// Sets one request, its warnings into the given list (the typesetter's own
  /// shape and break, with nothing shared but the thread-safe FontCache).
  using SetOne = std::function<SetText(const SetRequest&, Warnings&)>;

  /// Has `threads` of the process's background threads (background_threads.hpp)
  /// set `requests`, the last first.
  SetAhead(std::vector<SetRequest> requests, SetOne set_one, unsigned threads);
  SetAhead(const SetAhead&) = delete;
  SetAhead& operator=(const SetAhead&) = delete;
  /// Lets the threads begin no more requests and waits for those begun.
  ~SetAhead();

  /// The lines of `request` when it is one set ahead, taken once: its
  /// warnings appended to `warnings` (in the order the typesetter asks, so
  /// they read as if set in turn) and a failure setting it rethrown here.
  /// Empty when it is not one of them, or was taken already.
  std::optional<SetText> take(const SetRequest& request, Warnings& warnings);

 private:
  enum State : int { pending, running, done, taken };
  struct Slot;
  void work();
  /// Sets slot `i` when it is still pending; false when another has it.
  bool claim_and_set(size_t i);

  std::vector<SetRequest> requests_;
  std::vector<Slot> slots_;
  std::map<decltype(SetRequest{}.key()), size_t> index_;
  SetOne set_one_;
  std::atomic<size_t> back_;       // the background threads take requests before it
  std::atomic<bool> stop_{false};  // collect_blocks is done: begin no more
  BackgroundGroup group_;
};

}  // namespace paiban
