// Running the engine on several threads with results in input order, and a progress line.
//
// The reading thread hands documents to a Pipeline in batches; worker threads turn each into its
// output, in one step or in two (each step on threads of its own, a batch going from the first to
// the second); the reading thread takes the finished batches back in input order and delivers
// them.
// At most a few batches per worker are in flight, so memory stays bounded however long the
// input is, and the output is the same bytes as one thread would write.
#ifndef CHRONIK_CLI_PIPELINE_H_
#define CHRONIK_CLI_PIPELINE_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "chronik/document.h"
#include "chronik/engine.h"

namespace chronik::cli {

// One document in the pipeline, or an action that must happen in its place in the order.
struct PipelineItem {
  Document doc;
  std::string where;              // FILE:LINE or the path, for messages
  std::function<void()> ordered;  // when set: no document, run this when its turn comes
  Engine::Scan scan;              // what a first step leaves for the second
  std::string output;             // what the worker wrote for the document
  std::string error;              // why the worker failed on it (empty: it did not)
};

class Pipeline {
 public:
  // Turns item.doc into item.output, or sets item.error; runs on a worker thread and must touch
  // nothing shared but what is safe to share (a const Engine is).
  using Work = std::function<void(PipelineItem& item)>;
  // Gets each finished document item, in input order, on the thread that calls add().
  using Deliver = std::function<void(PipelineItem& item)>;

  Pipeline(int threads, Work work, Deliver deliver);
  // Two steps: `first` on half the threads (at least one), then `second` on the others. A thread
  // of the first step that has nothing to do takes on batches waiting for the second.
  Pipeline(int threads, Work first, Work second, Deliver deliver);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Queues a document. May wait for workers, and delivers the batches that are finished.
  void add(Document doc, std::string where);
  // Queues an action to run, on this thread, after everything added before has been delivered.
  void add_ordered(std::function<void()> action);
  // Delivers everything still in flight and stops the workers.
  void finish();

 private:
  struct Batch {
    std::vector<PipelineItem> items;
    std::size_t bytes = 0;
    int step = 0;       // guarded by mutex_
    bool done = false;  // guarded by mutex_
  };
  void start(int threads, int step);
  void submit();
  void deliver_front();
  void run_worker(int own_step);

  std::vector<Work> steps_;
  Deliver deliver_;
  std::size_t max_in_flight_;
  std::unique_ptr<Batch> filling_;
  std::deque<std::unique_ptr<Batch>> in_flight_;  // in input order
  std::deque<Batch*> todo_[2];                    // for each step; guarded by mutex_
  bool stopping_ = false;                         // guarded by mutex_
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable batch_done_;
  std::vector<std::thread> workers_;
};

// The number of threads --threads defaults to: the machine's cores.
int default_threads();

// A progress line on standard error ("1234 documents, 56.7 MB, 61.2 MB/s, ETA 0:42"),
// redrawn at most four times a second, and left on screen at the end.
class Progress {
 public:
  // `enabled`: draw at all; `always`: also after a run too short to have drawn it (else such a
  // run leaves standard error empty). `total_bytes` 0: unknown, no ETA.
  Progress(bool enabled, bool always, std::uint64_t total_bytes);
  void add(std::uint64_t bytes, std::uint64_t documents = 1);
  // Draws the final figures and ends the line.
  void finish();

 private:
  void draw();
  bool enabled_;
  bool always_;
  std::uint64_t total_;
  std::uint64_t bytes_ = 0;
  std::uint64_t documents_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

}  // namespace chronik::cli

#endif  // CHRONIK_CLI_PIPELINE_H_
