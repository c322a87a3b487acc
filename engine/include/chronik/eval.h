// Copyright chronik authors.
//
// TempEval-3-style scoring of temporal expressions against a gold standard.
//
// Gold and system expressions are aligned one to one per document: exact spans first, then the
// pairs that overlap most. From the alignment come strict span scores (exact spans), relaxed span
// scores (any overlap), type and value accuracy on the relaxed matches, and value-F1: precision
// and recall of relaxed matches that also have the gold value.
//
//   chronik::Scorer scorer;
//   scorer.add(gold_document, system_annotations);
//   std::string report;
//   chronik::write_report(scorer, {.by_subset = true}, &report);

#ifndef CHRONIK_EVAL_H_
#define CHRONIK_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "chronik/document.h"
#include "chronik/timex.h"

namespace chronik {

// One annotated expression: code-point offsets into the document text, end exclusive.
struct Annotation {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
  std::string type;
  std::string value;
  std::string mod;
  std::string freq;  // of a set: "2X"; empty when not said
};

Annotation annotation_of(const Timex& timex);

// A document of the evaluation format: {"id", "subset"?, "dct", "text", "timex": [...]}.
struct AnnotatedDocument {
  Document doc;
  std::string subset;
  std::vector<Annotation> timex;
};

struct AlignedPair {
  std::size_t gold;
  std::size_t system;
  bool exact;
};

struct Alignment {
  std::vector<AlignedPair> pairs;
  std::vector<std::size_t> missed;    // gold without a system match
  std::vector<std::size_t> spurious;  // system without a gold match
};

// One-to-one alignment: identical spans first, then overlapping pairs by decreasing overlap.
Alignment align(const std::vector<Annotation>& gold, const std::vector<Annotation>& system);

struct Counts {
  std::size_t gold = 0;
  std::size_t system = 0;
  std::size_t strict = 0;   // aligned with identical spans
  std::size_t relaxed = 0;  // aligned
  std::size_t type = 0;     // aligned with the gold type
  std::size_t value = 0;    // aligned with the gold value

  Counts& operator+=(const Counts& other);
};

struct Prf {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

Prf prf(std::size_t correct, std::size_t system, std::size_t gold);
inline Prf strict_scores(const Counts& c) { return prf(c.strict, c.system, c.gold); }
inline Prf relaxed_scores(const Counts& c) { return prf(c.relaxed, c.system, c.gold); }
inline Prf value_scores(const Counts& c) { return prf(c.value, c.system, c.gold); }

// A difference between gold and system worth a look.
struct EvalError {
  enum class Kind { missed, spurious, wrong_value, wrong_type } kind;
  std::string doc;
  Annotation gold;      // empty for spurious
  Annotation system;    // empty for missed
  std::string context;  // the text around the expression, on one line
};

std::string_view to_string(EvalError::Kind kind);

class Scorer {
 public:
  // Scores one document. `system` holds the system's annotations of gold.doc.text.
  void add(const AnnotatedDocument& gold, const std::vector<Annotation>& system);

  const Counts& total() const { return total_; }
  const std::map<std::string, Counts>& by_subset() const { return by_subset_; }
  // Counts per type: gold and recall-side counts by the gold type, system and precision-side
  // counts by the system type (so `relaxed` here counts gold matched, see relaxed_system).
  const std::map<std::string, Counts>& by_type() const { return by_type_; }
  const std::map<std::string, std::size_t>& relaxed_system_by_type() const {
    return relaxed_system_by_type_;
  }
  const std::vector<EvalError>& errors() const { return errors_; }

 private:
  Counts total_;
  std::map<std::string, Counts> by_subset_;
  std::map<std::string, Counts> by_type_;
  std::map<std::string, std::size_t> relaxed_system_by_type_;
  std::vector<EvalError> errors_;
};

struct ReportOptions {
  bool by_subset = false;
  bool errors = false;
};

// A plain-text report: strict and relaxed span P/R/F1, type and value accuracy, value-F1, a table
// by type, optionally by subset and every error with its context.
void write_report(const Scorer& scorer, const ReportOptions& options, std::string* out);

}  // namespace chronik

#endif  // CHRONIK_EVAL_H_
