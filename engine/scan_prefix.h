// A smaller pattern for the scanner that looks for where an expression can start.
//
// The scanner needs only the places where some rule can match, not the matches: a pattern that
// matches a beginning of every match of a rule finds every such place, and perhaps a few more,
// which the rules then reject. Cut after their first few parts, the rules make a union whose
// automaton RE2 builds with fewer states; cut shorter, the scanner stops at too many places.
#ifndef CHRONIK_ENGINE_SCAN_PREFIX_H_
#define CHRONIK_ENGINE_SCAN_PREFIX_H_

#include <string>
#include <string_view>
#include <vector>

namespace chronik {

// The alternatives of `pattern` (an RE2 pattern, macros expanded), each cut after its first
// `parts` parts (a group, a character class, an escape or a run of plain characters, each with
// its repetition; "\b", "^" and the like do not count), or later where the cut would match the
// empty string. A group that is a whole alternative is opened and its own alternatives cut.
// Names of captures are dropped, so that equal beginnings of different rules are equal strings.
// Every match of `pattern` starts with a match of one of them. A short cut ("in ") does not end
// on a part that may match nothing ("in (?:etwa )?[0-9]+"), where it would stop the scanner
// before every other word: that part is taken both ways ("in (?:etwa )", "in [0-9]+"). A
// pattern this reader does not follow (\Q...\E) is returned whole.
std::vector<std::string> beginnings(std::string_view pattern, std::size_t parts);
// The beginnings of all of `patterns`, in order: the same as one call for each, but faster.
std::vector<std::string> beginnings(const std::vector<std::string_view>& patterns,
                                    std::size_t parts);

// `pattern` widened where it tells characters apart finely: every digit and every class of
// digits alone ("[0-5]", "[12]") becomes any digit ("3[01]" -> "[0-9][0-9]"), and a Unicode class
// of letters ("\p{Ll}") any letter or any character beyond ASCII. It matches wherever `pattern`
// does, and more: fit for the scanner and the RE2::Set, whose places the rules check. RE2 then
// tells fewer kinds of bytes apart (the scanner's automaton 146 -> 71, the Set's 176 -> 89) and
// merges more of the alternatives, so that their states are smaller. Names of captures stay; a
// pattern this reader does not follow is returned whole.
std::string widened(std::string_view pattern);

// A pattern that matches where one of `patterns` matches, and starts its matches at the same
// places, but may end them earlier: patterns that begin with the same parts share them, and a
// pattern that begins with the whole of another is left out (wherever it matches, the shorter
// one does). RE2 compiles it to fewer instructions than the plain union, so its automaton has
// smaller states.
std::string union_of_beginnings(const std::vector<std::string>& patterns);

}  // namespace chronik

#endif  // CHRONIK_ENGINE_SCAN_PREFIX_H_
