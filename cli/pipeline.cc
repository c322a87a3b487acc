#include "pipeline.h"

#include <cstdio>

namespace chronik::cli {
namespace {

// A batch is handed to a worker once it holds this many documents or bytes of text: large
// enough that locking costs nothing, small enough that memory stays low (halving both from 64
// documents and 1 MB saved 1 MB of peak memory and no time).
constexpr std::size_t kBatchDocuments = 32;
constexpr std::size_t kBatchBytes = 1 << 19;
// Batches in flight per worker: enough to keep every worker busy while the reader waits for the
// oldest.
constexpr std::size_t kBatchesPerWorker = 2;
constexpr auto kRedraw = std::chrono::milliseconds(250);

}  // namespace

Pipeline::Pipeline(int threads, Work work, Deliver deliver)
    : steps_{std::move(work)},
      deliver_(std::move(deliver)),
      max_in_flight_(kBatchesPerWorker * static_cast<std::size_t>(std::max(threads, 1))),
      filling_(std::make_unique<Batch>()) {
  start(std::max(threads, 1), 0);
}

Pipeline::Pipeline(int threads, Work first, Work second, Deliver deliver)
    : steps_{std::move(first), std::move(second)},
      deliver_(std::move(deliver)),
      max_in_flight_(kBatchesPerWorker * static_cast<std::size_t>(std::max(threads, 2))),
      filling_(std::make_unique<Batch>()) {
  int first_threads = std::max(threads / 2, 1);
  start(first_threads, 0);
  start(std::max(threads - first_threads, 1), 1);
}

void Pipeline::start(int threads, int step) {
  for (int i = 0; i < threads; ++i) workers_.emplace_back([this, step] { run_worker(step); });
}

Pipeline::~Pipeline() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void Pipeline::add(Document doc, std::string where) {
  filling_->bytes += doc.text.size();
  PipelineItem& item = filling_->items.emplace_back();
  item.doc = std::move(doc);
  item.where = std::move(where);
  if (filling_->items.size() >= kBatchDocuments || filling_->bytes >= kBatchBytes) submit();
}

void Pipeline::add_ordered(std::function<void()> action) {
  PipelineItem item;
  item.ordered = std::move(action);
  filling_->items.push_back(std::move(item));
}

void Pipeline::submit() {
  if (filling_->items.empty()) return;
  {
    std::lock_guard lock(mutex_);
    todo_[0].push_back(filling_.get());
  }
  work_ready_.notify_all();
  in_flight_.push_back(std::move(filling_));
  filling_ = std::make_unique<Batch>();
  // Wait for the oldest batch while too many are in flight; deliver any that are done.
  while (!in_flight_.empty()) {
    std::unique_lock lock(mutex_);
    if (in_flight_.size() > max_in_flight_) {
      batch_done_.wait(lock, [&] { return in_flight_.front()->done; });
    } else if (!in_flight_.front()->done) {
      break;
    }
    lock.unlock();
    deliver_front();
  }
}

void Pipeline::deliver_front() {
  std::unique_ptr<Batch> batch = std::move(in_flight_.front());
  in_flight_.pop_front();
  for (PipelineItem& item : batch->items) {
    if (item.ordered) {
      item.ordered();
    } else {
      deliver_(item);
    }
  }
}

void Pipeline::finish() {
  submit();
  while (!in_flight_.empty()) {
    {
      std::unique_lock lock(mutex_);
      batch_done_.wait(lock, [&] { return in_flight_.front()->done; });
    }
    deliver_front();
  }
}

void Pipeline::run_worker(int own_step) {
  // A thread of the first step with no batch to scan finishes batches that wait for the second:
  // the second step is the longer one. Never the other way round: threads that shared the
  // scanner's automaton while RE2 builds it would wait for each other.
  bool helps = own_step == 0 && steps_.size() > 1;
  for (;;) {
    Batch* batch = nullptr;
    int step = own_step;
    {
      std::unique_lock lock(mutex_);
      auto has_work = [&] { return !todo_[own_step].empty() || (helps && !todo_[1].empty()); };
      work_ready_.wait(lock, [&] { return stopping_ || has_work(); });
      if (!has_work()) return;
      if (todo_[own_step].empty()) step = 1;
      batch = todo_[step].front();
      todo_[step].pop_front();
    }
    bool last = step + 1 == static_cast<int>(steps_.size());
    for (PipelineItem& item : batch->items) {
      if (item.ordered || !item.error.empty()) continue;
      try {
        steps_[static_cast<std::size_t>(step)](item);
      } catch (const std::exception& e) {
        item.output.clear();
        item.error = std::string("internal error: ") + e.what();
      }
      // The text is no longer needed; the output waits for its turn.
      if (last) {
        item.doc.text = std::string();
        item.scan = Engine::Scan();
      }
    }
    {
      std::lock_guard lock(mutex_);
      if (last) {
        batch->done = true;
      } else {
        todo_[step + 1].push_back(batch);
      }
    }
    if (last) {
      batch_done_.notify_all();
    } else {
      work_ready_.notify_all();
    }
  }
}

int default_threads() {
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

Progress::Progress(bool enabled, bool always, std::uint64_t total_bytes)
    : enabled_(enabled),
      always_(always),
      total_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void Progress::add(std::uint64_t bytes, std::uint64_t documents) {
  bytes_ += bytes;
  documents_ += documents;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedraw) return;
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double mb = static_cast<double>(bytes_) / 1e6;
  double rate = seconds > 0 ? mb / seconds : 0;
  char eta[32] = "";
  if (total_ > bytes_ && rate > 0) {
    auto left = static_cast<long>(static_cast<double>(total_ - bytes_) / 1e6 / rate);
    std::snprintf(eta, sizeof eta, ", ETA %ld:%02ld", left / 60, left % 60);
  }
  std::fprintf(stderr, "\rchronik: %llu documents, %.1f MB, %.1f MB/s%s\033[K",
               static_cast<unsigned long long>(documents_), mb, rate, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!enabled_ || (!drawn_ && !always_)) return;
  draw();
  std::fputc('\n', stderr);
}

}  // namespace chronik::cli
