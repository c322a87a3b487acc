#include "chronik/eval.h"

#include <algorithm>
#include <cstdio>

#include "rows.h"
#include "utf8.h"

namespace chronik {
namespace {

std::size_t overlap(const Annotation& a, const Annotation& b) {
  std::size_t begin = std::max(a.begin, b.begin);
  std::size_t end = std::min(a.end, b.end);
  return end > begin ? end - begin : 0;
}

// Byte offsets of every code point of `text`, and one past the end.
std::vector<std::size_t> code_point_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); i = utf8::next(text, i)) starts.push_back(i);
  starts.push_back(text.size());
  return starts;
}

constexpr std::size_t kContext = 40;  // code points on each side

std::string context_of(std::string_view text, const std::vector<std::size_t>& starts,
                       const Annotation& a) {
  std::size_t last = starts.size() - 1;
  auto byte = [&](std::size_t cp) { return starts[std::min(cp, last)]; };
  std::size_t from = a.begin > kContext ? a.begin - kContext : 0;
  std::string out = std::string(text.substr(byte(from), byte(a.begin) - byte(from))) + "[" +
                    std::string(text.substr(byte(a.begin), byte(a.end) - byte(a.begin))) + "]" +
                    std::string(text.substr(byte(a.end), byte(a.end + kContext) - byte(a.end)));
  return one_line(out);
}

// An annotation as one field of an error line; "-" for the side a miss or a spurious hit lacks.
std::string describe(const Annotation& a, bool present) {
  if (!present) return "-";
  std::string s = "\"" + one_line(a.text) + "\" " + a.type + " " + a.value;
  if (!a.mod.empty()) s += " " + a.mod;
  return s;
}

void append_prf(const char* label, const Prf& s, std::string* out) {
  char line[128];
  std::snprintf(line, sizeof line, "%-22s P %.3f  R %.3f  F1 %.3f\n", label, s.precision, s.recall,
                s.f1);
  out->append(line);
}

void append_summary(const Counts& c, std::string* out) {
  char line[160];
  std::snprintf(line, sizeof line, "gold %zu, system %zu, relaxed matches %zu\n", c.gold, c.system,
                c.relaxed);
  out->append(line);
  append_prf("strict span", strict_scores(c), out);
  append_prf("relaxed span", relaxed_scores(c), out);
  double n = c.relaxed ? static_cast<double>(c.relaxed) : 1.0;
  std::snprintf(line, sizeof line, "%-22s type %.3f  value %.3f\n", "accuracy on relaxed",
                c.type / n, c.value / n);
  out->append(line);
  append_prf("value", value_scores(c), out);
}

void append_by_type(const Scorer& scorer, std::string* out) {
  out->append("\nby type (recall by gold type, precision by system type)\n");
  char line[160];
  std::snprintf(line, sizeof line, "  %-9s %6s %6s %8s %8s %8s\n", "type", "gold", "system",
                "relax P", "relax R", "value R");
  out->append(line);
  for (const auto& [type, c] : scorer.by_type()) {
    auto matched = scorer.relaxed_system_by_type().find(type);
    std::size_t system_matched =
        matched == scorer.relaxed_system_by_type().end() ? 0 : matched->second;
    auto ratio = [](std::size_t a, std::size_t b) { return b ? static_cast<double>(a) / b : 0.0; };
    std::snprintf(line, sizeof line, "  %-9s %6zu %6zu %8.3f %8.3f %8.3f\n", type.c_str(), c.gold,
                  c.system, ratio(system_matched, c.system), ratio(c.relaxed, c.gold),
                  ratio(c.value, c.gold));
    out->append(line);
  }
}

}  // namespace

Annotation annotation_of(const Timex& t) {
  return {t.begin,
          t.end,
          t.text,
          std::string(to_string(t.type)),
          t.value.str(),
          std::string(to_string(t.mod)),
          freq_string(t.times)};
}

Alignment align(const std::vector<Annotation>& gold, const std::vector<Annotation>& system) {
  Alignment a;
  std::vector<bool> gold_used(gold.size()), system_used(system.size());
  for (std::size_t g = 0; g < gold.size(); ++g) {
    for (std::size_t s = 0; s < system.size(); ++s) {
      if (!system_used[s] && gold[g].begin == system[s].begin && gold[g].end == system[s].end) {
        a.pairs.push_back({g, s, true});
        gold_used[g] = system_used[s] = true;
        break;
      }
    }
  }
  struct Overlap {
    std::size_t size, gold, system;
  };
  std::vector<Overlap> overlaps;
  for (std::size_t g = 0; g < gold.size(); ++g) {
    for (std::size_t s = 0; s < system.size(); ++s) {
      if (gold_used[g] || system_used[s]) continue;
      if (std::size_t n = overlap(gold[g], system[s])) overlaps.push_back({n, g, s});
    }
  }
  std::stable_sort(overlaps.begin(), overlaps.end(),
                   [](const Overlap& x, const Overlap& y) { return x.size > y.size; });
  for (const Overlap& o : overlaps) {
    if (gold_used[o.gold] || system_used[o.system]) continue;
    a.pairs.push_back({o.gold, o.system, false});
    gold_used[o.gold] = system_used[o.system] = true;
  }
  for (std::size_t g = 0; g < gold.size(); ++g) {
    if (!gold_used[g]) a.missed.push_back(g);
  }
  for (std::size_t s = 0; s < system.size(); ++s) {
    if (!system_used[s]) a.spurious.push_back(s);
  }
  return a;
}

Counts& Counts::operator+=(const Counts& o) {
  gold += o.gold;
  system += o.system;
  strict += o.strict;
  relaxed += o.relaxed;
  type += o.type;
  value += o.value;
  return *this;
}

Prf prf(std::size_t correct, std::size_t system, std::size_t gold) {
  Prf s;
  s.precision = system ? static_cast<double>(correct) / system : 0;
  s.recall = gold ? static_cast<double>(correct) / gold : 0;
  double sum = s.precision + s.recall;
  s.f1 = sum > 0 ? 2 * s.precision * s.recall / sum : 0;
  return s;
}

std::string_view to_string(EvalError::Kind kind) {
  switch (kind) {
    case EvalError::Kind::missed:
      return "missed";
    case EvalError::Kind::spurious:
      return "spurious";
    case EvalError::Kind::wrong_value:
      return "wrong value";
    case EvalError::Kind::wrong_type:
      return "wrong type";
  }
  return "";
}

void Scorer::add(const AnnotatedDocument& gold, const std::vector<Annotation>& system) {
  Alignment a = align(gold.timex, system);
  Counts c;
  c.gold = gold.timex.size();
  c.system = system.size();
  std::vector<std::size_t> starts = code_point_starts(gold.doc.text);
  auto error = [&](EvalError::Kind kind, const Annotation* g, const Annotation* s) {
    errors_.push_back({kind, gold.doc.id, g ? *g : Annotation{}, s ? *s : Annotation{},
                       context_of(gold.doc.text, starts, g ? *g : *s)});
  };
  for (const Annotation& g : gold.timex) ++by_type_[g.type].gold;
  for (const Annotation& s : system) ++by_type_[s.type].system;
  for (const AlignedPair& p : a.pairs) {
    const Annotation& g = gold.timex[p.gold];
    const Annotation& s = system[p.system];
    c.strict += p.exact;
    ++c.relaxed;
    c.type += g.type == s.type;
    c.value += g.value == s.value;
    ++by_type_[g.type].relaxed;
    by_type_[g.type].value += g.value == s.value;
    ++relaxed_system_by_type_[s.type];
    if (g.value != s.value) {
      error(EvalError::Kind::wrong_value, &g, &s);
    } else if (g.type != s.type) {
      error(EvalError::Kind::wrong_type, &g, &s);
    }
  }
  for (std::size_t g : a.missed) error(EvalError::Kind::missed, &gold.timex[g], nullptr);
  for (std::size_t s : a.spurious) error(EvalError::Kind::spurious, nullptr, &system[s]);
  total_ += c;
  if (!gold.subset.empty()) by_subset_[gold.subset] += c;
}

void write_report(const Scorer& scorer, const ReportOptions& options, std::string* out) {
  append_summary(scorer.total(), out);
  append_by_type(scorer, out);
  if (options.by_subset) {
    for (const auto& [subset, counts] : scorer.by_subset()) {
      out->append("\nsubset " + subset + "\n");
      append_summary(counts, out);
    }
  }
  if (options.errors) {
    out->append("\nerrors (kind, document, gold, system, context)\n");
    for (const EvalError& e : scorer.errors()) {
      bool has_gold = e.kind != EvalError::Kind::spurious;
      bool has_system = e.kind != EvalError::Kind::missed;
      out->append(std::string(to_string(e.kind)) + "\t" + e.doc + "\t" +
                  describe(e.gold, has_gold) + "\t" + describe(e.system, has_system) + "\t" +
                  e.context + "\n");
    }
  }
}

}  // namespace chronik
