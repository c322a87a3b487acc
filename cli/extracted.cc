#include "extracted.h"

namespace chronik::cli {
namespace {

// The byte offset of each code point of `text`, and one past the end.
std::vector<std::size_t> code_point_offsets(const std::string& text) {
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

}  // namespace

std::string timex_of(const AnnotatedDocument& doc, std::vector<Timex>* out) {
  out->clear();
  std::vector<std::size_t> bytes = code_point_offsets(doc.doc.text);
  for (const Annotation& a : doc.timex) {
    std::string which = "timex " + std::to_string(a.begin) + "-" + std::to_string(a.end) + ": ";
    if (a.begin > a.end || a.end >= bytes.size()) {
      return which + "the offsets are outside the text";
    }
    Timex t;
    t.begin = a.begin;
    t.end = a.end;
    t.byte_begin = bytes[a.begin];
    t.byte_end = bytes[a.end];
    t.text = doc.doc.text.substr(t.byte_begin, t.byte_end - t.byte_begin);
    auto type = parse_timex_type(a.type);
    auto value = parse_value(a.value);
    auto mod = a.mod.empty() ? std::optional<Mod>(Mod::none) : parse_mod(a.mod);
    auto times = parse_freq(a.freq);
    if (!type) return which + "unknown type \"" + a.type + "\"";
    if (!value) return which + "not a TIMEX3 value: \"" + a.value + "\"";
    if (!mod) return which + "unknown mod \"" + a.mod + "\"";
    if (!times) return which + "not a TIMEX3 freq: \"" + a.freq + "\"";
    t.type = *type;
    t.value = *value;
    t.mod = *mod;
    t.times = *times;
    out->push_back(std::move(t));
  }
  return {};
}

}  // namespace chronik::cli
