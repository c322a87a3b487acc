// A table of word forms and their values, looked up by string_view without a temporary string.
#ifndef CHRONIK_ENGINE_FORM_TABLE_H_
#define CHRONIK_ENGINE_FORM_TABLE_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace chronik {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

using FormTable = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;

}  // namespace chronik

#endif  // CHRONIK_ENGINE_FORM_TABLE_H_
