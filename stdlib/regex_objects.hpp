// The objects the _regex module shares between its files: the compiled
// program object, the subject of a match seen as code points, and the Match
// type (regex_match_type.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"
#include "stdlib/regex.hpp"

namespace gilt {
class Interpreter;
}

namespace gilt::regex {

// A compiled pattern as a Python object (the Pattern class of re.py keeps
// one). It keeps the last non-ASCII str it decoded to code points, so
// finditer, sub and split over one subject decode it once, not per match.
struct ProgramObject {
    Object hdr;
    Program* prog;
    Value last_subject;              // the str `decoded` holds, or null
    std::vector<uint32_t>* decoded;  // its code points
};

inline ProgramObject* program_obj(Value v) {
    return reinterpret_cast<ProgramObject*>(v.as_object());
}
TypeObject* program_type(Interpreter& interp);
bool is_program(ThreadState& ts, Value v);

// The subject of a match, as an array of code points.
struct Subject {
    const uint8_t* narrow = nullptr;  // bytes, bytearray or ASCII str
    const uint32_t* wide = nullptr;   // other str
    int64_t n = 0;
    Value value;
    bool is_str = false;
};

// Checks that `s` suits the program (str for str patterns, bytes-like for
// bytes patterns; CPython's TypeError otherwise) and sees it as code points.
bool get_subject(ThreadState& ts, ProgramObject* p, Value s, Subject& out);
// Runs the program over the subject. False when nothing matched, or with an
// exception pending (MemoryError, or what a signal handler raised: a long
// match is interrupted by Ctrl-C as in CPython); callers check ts.has_exception().
bool run_on(ThreadState& ts, ProgramObject* p, Subject& s, int64_t pos, int64_t endpos, Mode mode,
            bool must_advance, MatchResult& out);
// s[a:b] as a new str or bytes (bytes also for a bytearray subject, as CPython).
Value slice_of(ThreadState& ts, const Subject& s, int64_t a, int64_t b);
// CPython's clamping of pos and endpos to a subject of n code points.
void clamp(int64_t n, int64_t& pos, int64_t& endpos);

// A Match object (re.Match) for a successful run; new reference or null.
// `pattern` is the re.Pattern the program belongs to.
Value make_match(ThreadState& ts, Value program, Value pattern, const Subject& s, int64_t pos,
                 int64_t endpos, const MatchResult& r);
TypeObject* match_type(Interpreter& interp);

// _regex.scanner(program, pattern, string, pos, endpos): successive matches
// (regex_scanner.cpp).
Value scanner_new(ThreadState& ts, Args args);
TypeObject* scanner_type(Interpreter& interp);

}  // namespace gilt::regex
