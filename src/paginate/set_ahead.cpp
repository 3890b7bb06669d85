#include "paginate/set_ahead.hpp"

#include "paginate/typesetter.hpp"

namespace paiban {

struct SetAhead::Slot {
  std::atomic<int> state{pending};
  SetText result;
  Warnings warnings;
  std::exception_ptr failure;
};

SetAhead::SetAhead(std::vector<SetRequest> requests, SetOne set_one, unsigned threads)
    : requests_(std::move(requests)),
      slots_(requests_.size()),
      set_one_(std::move(set_one)),
      back_(requests_.size()) {
  for (size_t i = 0; i < requests_.size(); ++i) index_.emplace(requests_[i].key(), i);
  if (threads == 0 || requests_.empty()) return;
  BackgroundThreads::shared().reserve(threads);
  for (unsigned t = 0; t < threads && t < requests_.size(); ++t) group_.run([this] { work(); });
}

SetAhead::~SetAhead() {
  stop_ = true;
  group_.close();
}

void SetAhead::work() {
  while (!stop_) {
    size_t i = back_.load();
    do {
      if (i == 0) return;
    } while (!back_.compare_exchange_weak(i, i - 1));
    claim_and_set(i - 1);
  }
}

bool SetAhead::claim_and_set(size_t i) {
  Slot& slot = slots_[i];
  int expected = pending;
  if (!slot.state.compare_exchange_strong(expected, running)) return false;
  try {
    slot.result = set_one_(requests_[i], slot.warnings);
  } catch (...) {
    slot.failure = std::current_exception();
  }
  slot.state.store(done);
  slot.state.notify_all();
  return true;
}

std::optional<SetText> SetAhead::take(const SetRequest& request, Warnings& warnings) {
  auto found = index_.find(request.key());
  if (found == index_.end()) return std::nullopt;
  Slot& slot = slots_[found->second];
  if (slot.state.load() == taken) return std::nullopt;
  claim_and_set(found->second);  // not begun: set here, now
  for (int state = slot.state.load(); state != done; state = slot.state.load())
    slot.state.wait(state);
  slot.state.store(taken);
  warnings.insert(warnings.end(), std::make_move_iterator(slot.warnings.begin()),
                  std::make_move_iterator(slot.warnings.end()));
  if (slot.failure) std::rethrow_exception(slot.failure);
  return std::move(slot.result);
}

}  // namespace paiban
