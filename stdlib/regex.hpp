// The regular expression engine behind the `re` module (native part `_regex`).
//
// Python's regex dialect is parsed by regex_parse.cpp into a small tree,
// checked the way CPython's re parser checks it (same messages, same error
// positions), and compiled into a program for a backtracking VM
// (regex_match.cpp). The VM keeps its backtrack stack on the heap, so deep
// subjects do not grow the C++ stack; only lookarounds and atomic groups
// recurse, as deep as they nest in the pattern.
//
// Subjects are matched as arrays of code units that are code points: bytes
// and ASCII str directly over their bytes, other str decoded to UTF-32 first,
// so every index the VM reports is already a Python index.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace gilt::regex {

// re's flag values, as CPython numbers them.
enum : uint32_t {
    kFlagTemplate = 1,
    kFlagIgnoreCase = 2,
    kFlagLocale = 4,
    kFlagMultiline = 8,
    kFlagDotAll = 16,
    kFlagUnicode = 32,
    kFlagVerbose = 64,
    kFlagDebug = 128,
    kFlagAscii = 256,
};

constexpr uint32_t kMaxRepeat = 0xFFFFFFFFu;  // CPython's MAXREPEAT: "no upper bound"

// A character class: ranges, the \d\s\w categories, and a bitmap answering
// for code points below 256 (filled once the class is complete).
struct CharSet {
    enum Category : uint8_t {
        Digit = 1,
        NotDigit = 2,
        Space = 4,
        NotSpace = 8,
        Word = 16,
        NotWord = 32
    };
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    uint8_t categories = 0;
    bool negate = false;
    bool icase = false;
    bool ascii = false;  // categories and case folding in their ASCII sense
    uint64_t low[4] = {0, 0, 0, 0};

    bool contains_slow(uint32_t c) const;
    void finish();  // fills `low`
    bool contains(uint32_t c) const {
        if (c < 256) return (low[c >> 6] >> (c & 63)) & 1;
        return contains_slow(c);
    }
};

enum class Op : uint8_t {
    Char,         // c: the code point
    CharI,        // c, c2: the literal and its fold_key
    Any,          // any but '\n'
    AnyAll,       // any (DOTALL)
    Set,          // x: index of the CharSet
    Split,        // try x, on failure y
    Jmp,          // x
    Save,         // x: capture slot (2*group, 2*group+1)
    At,           // x: an AtKind
    Backref,      // x: group; flag: ignore case
    RepeatOne,    // min, max of the one-character instruction at pc+1; flag: RepeatMode
    Mark,         // x: register that remembers where a loop iteration began
    LoopGreedy,   // one more iteration (body at pc+1, register x), or leave to y
    Check,        // x: register; y: where to go when the iteration matched nothing
    Look,         // sub-program [pc+1, y); flag: kLookNegative|kLookBehind; x: behind width;
                  // c: 1 when the sub-program sets captures (then they are saved around it)
    Atomic,       // sub-program [pc+1, y), then continue at y with its first solution; c as Look
    GroupExists,  // x: group; continue when it matched, else go to y
    Succeed,      // end of a sub-program
    Match,
};

enum class AtKind : uint8_t {
    Beginning,      // \A, or ^ without MULTILINE
    BeginningLine,  // ^ with MULTILINE
    EndDollar,      // $ without MULTILINE: the end, or before a final '\n'
    EndLine,        // $ with MULTILINE
    EndString,      // \Z
    Boundary,       // \b
    NonBoundary,    // \B
};

enum RepeatMode : uint8_t { kGreedy = 0, kLazy = 1, kPossessive = 2 };
enum : uint8_t { kLookNegative = 1, kLookBehind = 2 };

struct Inst {
    Op op;
    uint8_t flag = 0;
    int32_t x = 0;
    int32_t y = 0;
    uint32_t c = 0, c2 = 0, c3 = 0;
    uint32_t min = 0, max = 0;
};

struct Program {
    std::vector<Inst> code;
    std::vector<CharSet> sets;
    uint32_t flags = 0;  // the final flags, as Pattern.flags reports them
    int groups = 0;      // capturing groups (group 0 not counted)
    int registers = 0;   // loop registers used by Mark/Check
    std::vector<std::pair<std::string, int>> group_names;  // in order of definition
    bool is_bytes = false;
    bool anchored = false;         // can only match at the beginning of the string
    std::vector<uint32_t> prefix;  // literal every match starts with (case-sensitive)
    std::string prefix_bytes;      // the same as bytes, when every code point is below 256
    // The characters a match can start with, when known: search skips other
    // positions. first_wide: some code point >= 256 may start a match.
    // nullable: the pattern can match the empty string (so it is tried at the end).
    bool has_first = false;
    bool first_wide = false;
    bool nullable = true;
    uint64_t first[4] = {0, 0, 0, 0};
};

// A compile error: CPython's message and the index in the pattern it points at.
struct CompileError {
    std::string message;
    int64_t pos = -1;
    bool value_error = false;  // a flag combination error: ValueError, not re.error
    bool overflow = false;     // a repeat count too large: OverflowError
    bool recursion = false;    // groups nested too deep: RecursionError
};

// Parses and compiles `pattern` (code points; bytes patterns one per byte).
// Returns false with `err` filled when the pattern is invalid.
bool compile(const std::vector<uint32_t>& pattern, bool is_bytes, uint32_t flags, Program& out,
             CompileError& err);

// One attempt's outcome: slots[2g], slots[2g+1] are the span of group g, or
// -1 when the group did not take part.
struct MatchResult {
    std::vector<int64_t> slots;
    int lastindex = -1;
    // Why a run returned false without deciding: the poll asked it to stop,
    // or the backtrack stack could not grow.
    bool interrupted = false;
    bool out_of_memory = false;
};

// Polled every few thousand backtracks; returning true stops the run (the
// caller handles what is pending, such as a signal, and may run it again).
struct Interrupt {
    bool (*poll)(void* ctx);
    void* ctx;
};

enum class Mode : uint8_t { Match, Search, FullMatch };

// Runs the program over s[0, n) starting at `pos`. must_advance refuses an
// empty match at `pos` itself (the rule finditer, sub and split follow after
// an empty match). Returns false when there is no match.
bool run(const Program& prog, const uint8_t* s, int64_t n, int64_t pos, Mode mode,
         bool must_advance, MatchResult& out, const Interrupt* interrupt = nullptr);
bool run(const Program& prog, const uint32_t* s, int64_t n, int64_t pos, Mode mode,
         bool must_advance, MatchResult& out, const Interrupt* interrupt = nullptr);

// The case mapping the engine uses (simple case mapping; ASCII only when ascii).
uint32_t fold_lower(uint32_t c, bool ascii);
uint32_t fold_upper(uint32_t c, bool ascii);
// Two characters match each other ignoring case when their keys are equal:
// the upper case of the lower case (so K and the Kelvin sign, i and the
// dotless i, s and the long s, as CPython's case fixes have it).
uint32_t fold_key(uint32_t c, bool ascii);
bool is_word(uint32_t c, bool ascii);

}  // namespace gilt::regex
