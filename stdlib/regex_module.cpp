// _regex: the native half of `re` (stdlib/lib/re.py builds Pattern and
// Match on it). The engine itself is regex_parse/compile/match.cpp.
//
//   compile(pattern, flags)   -> a compiled program, or (message, pos) for a
//                                syntax error re.py raises as re.error
//   info(program)             -> (flags, groups, ((name, index), ...))
//   match_object(program, pattern, string, pos, endpos, mode, must_advance)
//                             -> a re.Match (regex_match_type.cpp), or None
//   match(program, string, pos, endpos, mode, must_advance)
//                             -> None, or (lastindex, start0, end0, start1, ...)
//                                with -1 for groups that did not take part
//   findall(program, string, pos, endpos) -> list, as re.findall
//   subn(program, string, parts, count) -> (text, n), for a parsed template
//   subn_call(program, pattern, string, repl, count) -> (text, n), repl a callable
//   scanner(program, pattern, string, pos, endpos) -> an iterator of Matches
//                                (regex_scanner.cpp; finditer and Pattern.scanner)
//   split(program, string, maxsplit)      -> list, as re.split
//   slice(program, string, start, end)    -> string[start:end], bytes for a bytearray
//
// A program keeps the last non-ASCII str it decoded to code points, so
// finditer, sub and split over one subject decode it once, not per match.
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/regex.hpp"
#include "stdlib/regex_objects.hpp"

namespace gilt {

using regex::clamp;
using regex::get_subject;
using regex::is_program;
using regex::program_obj;
using regex::program_type;
using regex::ProgramObject;
using regex::run_on;
using regex::slice_of;
using regex::Subject;

namespace {

std::vector<uint32_t> code_points(Value pattern, bool is_bytes_pattern) {
    std::vector<uint32_t> out;
    std::string_view data = is_bytes_pattern ? byteslike_data(pattern) : str_view(pattern);
    if (is_bytes_pattern) {
        for (unsigned char c : data) out.push_back(c);
        return out;
    }
    const char* c = data.data();
    const char* end = c + data.size();
    while (c < end) {
        uint32_t cp;
        c += utf8_decode(c, &cp);
        out.push_back(cp);
    }
    return out;
}

Value regex_compile(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "compile", 2, 2)) return Value();
    Value pattern = args[0];
    int64_t flags;
    if (!int_as_int64(ts, args[1], &flags)) return Value();
    bool bytes_pattern = pattern.is_object() && (is_bytes(pattern) || is_bytearray(pattern));
    if (!bytes_pattern && !is_str(ts, pattern))
        return raise(ts, ts.exc_types().TypeError,
                     "first argument must be string or compiled pattern");
    auto prog = std::make_unique<regex::Program>();
    regex::CompileError err;
    if (!regex::compile(code_points(pattern, bytes_pattern), bytes_pattern, uint32_t(flags), *prog,
                        err)) {
        if (err.value_error) return raise(ts, ts.exc_types().ValueError, err.message);
        if (err.overflow) return raise(ts, ts.exc_types().OverflowError, err.message);
        if (err.recursion) return raise_recursion_error(ts);
        Ref msg(make_str(ts, err.message));
        Ref pos(err.pos < 0 ? Value::none() : make_int(ts, err.pos));
        if (!msg || !pos) return Value();
        return tuple_pack(ts, {*msg, *pos});
    }
    TypeObject* t = program_type(ts.interp());
    Object* o = alloc_object(t, t->basicsize);
    if (!o) return raise_memory_error(ts);
    auto* p = reinterpret_cast<ProgramObject*>(o);
    p->prog = prog.release();
    p->last_subject = Value();
    p->decoded = nullptr;
    return Value::object(o);
}

Value regex_info(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "info", 1, 1)) return Value();
    if (!is_program(ts, args[0])) return raise(ts, ts.exc_types().TypeError, "expected a program");
    const regex::Program& prog = *program_obj(args[0])->prog;
    Ref names(tuple_new(ts, prog.group_names.size()));
    if (!names) return Value();
    for (size_t i = 0; i < prog.group_names.size(); ++i) {
        Ref name(make_str(ts, prog.group_names[i].first));
        Ref index(make_int(ts, prog.group_names[i].second));
        if (!name || !index) return Value();
        Value pair = tuple_pack(ts, {*name, *index});
        if (pair.is_null()) return Value();
        tuple_obj(*names)->items[i] = pair;
    }
    Ref flags(make_int(ts, prog.flags));
    Ref groups(make_int(ts, prog.groups));
    if (!flags || !groups) return Value();
    return tuple_pack(ts, {*flags, *groups, *names});
}

// The arguments every matching function starts with: program, string, pos, endpos.
bool matching_args(ThreadState& ts, Args args, const char* name, uint32_t n, ProgramObject*& p,
                   Subject& s, int64_t& pos, int64_t& endpos) {
    if (!check_nargs(ts, args, name, n, n)) return false;
    if (!is_program(ts, args[0])) {
        raise(ts, ts.exc_types().TypeError, "expected a program");
        return false;
    }
    p = program_obj(args[0]);
    if (!get_subject(ts, p, args[1], s)) return false;
    if (!index_as_ssize(ts, args[2], &pos) || !index_as_ssize(ts, args[3], &endpos)) return false;
    clamp(s.n, pos, endpos);
    return true;
}

Value regex_match(ThreadState& ts, Args args) {
    ProgramObject* p;
    Subject s;
    int64_t pos, endpos, mode;
    if (!matching_args(ts, args, "match", 6, p, s, pos, endpos)) return Value();
    if (!int_as_int64(ts, args[4], &mode)) return Value();
    bool must_advance = obj_truthy(ts, args[5]) == 1;
    if (pos > endpos && mode == int64_t(regex::Mode::Search))
        return Value::none();  // match still tries, as CPython
    regex::MatchResult r;
    if (!run_on(ts, p, s, pos, endpos, regex::Mode(mode), must_advance, r))
        return ts.has_exception() ? Value() : Value::none();
    Ref out(tuple_new(ts, r.slots.size() + 1));
    if (!out) return Value();
    Value last = r.lastindex < 0 ? Value::none() : make_int(ts, r.lastindex);
    tuple_obj(*out)->items[0] = last;
    for (size_t i = 0; i < r.slots.size(); ++i) {
        Value v = make_int(ts, r.slots[i]);
        if (v.is_null()) return Value();
        tuple_obj(*out)->items[i + 1] = v;
    }
    return out.release();
}

// match_object(program, pattern, string, pos, endpos, mode, must_advance[, origin]):
// as match(), but the result is a re.Match (None when nothing matches);
// origin is the pos the Match reports, when not pos itself.
Value regex_match_object(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "match_object", 7, 8)) return Value();
    Value call[4] = {args[0], args[2], args[3], args[4]};
    ProgramObject* p;
    Subject s;
    int64_t pos, endpos, mode;
    if (!matching_args(ts, Args{call, 4, nullptr}, "match_object", 4, p, s, pos, endpos) ||
        !int_as_int64(ts, args[5], &mode))
        return Value();
    int must_advance = obj_truthy(ts, args[6]);
    if (must_advance < 0) return Value();
    if (pos > endpos && mode == int64_t(regex::Mode::Search)) return Value::none();
    regex::MatchResult r;
    if (!run_on(ts, p, s, pos, endpos, regex::Mode(mode), must_advance == 1, r))
        return ts.has_exception() ? Value() : Value::none();
    int64_t origin = pos;  // what Match.pos reports: a scanner's first pos
    if (args.n == 8) {
        if (!index_as_ssize(ts, args[7], &origin)) return Value();
        int64_t unused = endpos;
        clamp(s.n, origin, unused);
    }
    return regex::make_match(ts, args[0], args[1], s, origin, endpos, r);
}

// One findall item: the whole match, the one group, or a tuple of groups
// (unmatched groups as empty strings).
Value findall_item(ThreadState& ts, const Subject& s, const regex::MatchResult& r, int groups) {
    auto group = [&](int g) {
        int64_t a = r.slots[2 * size_t(g)], b = r.slots[2 * size_t(g) + 1];
        if (a < 0 || b < 0) a = b = 0;
        return slice_of(ts, s, a, b);
    };
    if (groups <= 1) return group(groups);
    Ref t(tuple_new(ts, uint64_t(groups)));
    if (!t) return Value();
    for (int g = 1; g <= groups; ++g) {
        Value v = group(g);
        if (v.is_null()) return Value();
        tuple_obj(*t)->items[g - 1] = v;
    }
    return t.release();
}

Value regex_findall(ThreadState& ts, Args args) {
    ProgramObject* p;
    Subject s;
    int64_t pos, endpos;
    if (!matching_args(ts, args, "findall", 4, p, s, pos, endpos)) return Value();
    Ref out(list_new(ts));
    if (!out) return Value();
    bool must_advance = false;
    regex::MatchResult r;
    while (pos <= endpos && run_on(ts, p, s, pos, endpos, regex::Mode::Search, must_advance, r)) {
        Value item = findall_item(ts, s, r, p->prog->groups);
        if (item.is_null() || !list_append_steal(ts, *out, item)) return Value();
        must_advance = r.slots[1] == r.slots[0];
        pos = r.slots[1];
    }
    if (ts.has_exception()) return Value();
    return out.release();
}

// Appends s[a:b] to `out` (UTF-8 for str, raw bytes otherwise). The result
// of a substitution can be far larger than its subject, so every growth is
// checked: false with MemoryError pending when it cannot be had.
bool append_range(ThreadState& ts, std::string& out, const Subject& s, int64_t a, int64_t b) {
    if (s.narrow)
        return append_checked(ts, out,
                              {reinterpret_cast<const char*>(s.narrow) + a, size_t(b - a)});
    if (!reserve_more(ts, out, 4 * uint64_t(b - a))) return false;
    for (int64_t i = a; i < b; ++i) utf8_append(out, s.wide[i]);
    return true;
}

Value finish_text(ThreadState& ts, const Subject& s, const std::string& out) {
    if (s.is_str) return make_str(ts, out);
    return make_bytes(ts, out);
}

// The literal pieces of a template must be of the subject's type; CPython
// finds out when it joins the result, and words the error so.
bool check_parts(ThreadState& ts, const Subject& s, Value parts, int item) {
    for (uint64_t i = 0; i < tuple_size(parts); ++i) {
        Value part = tuple_item(parts, i);
        if (is_int(part)) continue;
        if (s.is_str && !is_str(ts, part)) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "sequence item {}: expected str instance, {} found", item,
                      type_name(ts, part));
            return false;
        }
        if (!s.is_str && !(part.is_object() && is_bytes(part))) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "sequence item {}: expected a bytes-like object, {} found", item,
                      type_name(ts, part));
            return false;
        }
    }
    return true;
}

// subn(program, string, parts, count): parts is a tuple of literal pieces
// (str or bytes, as the subject) and group numbers, a parsed template.
// What subn returns: (new text, replacements made); the subject itself when
// nothing matched. `out` holds the text up to `last`; the rest is copied.
Value subn_result(ThreadState& ts, const Subject& s, Value string, std::string& out, int64_t last,
                  int64_t done) {
    if (ts.has_exception()) return Value();
    Ref text(done == 0 ? new_ref(string) : Value());
    if (done > 0) {
        if (!append_range(ts, out, s, last, s.n)) return Value();
        text = Ref(finish_text(ts, s, out));
    }
    Ref n(make_int(ts, done));
    if (!text || !n) return Value();
    return tuple_pack(ts, {*text, *n});
}

// The piece a callable replacement returned, appended to `out` (None adds
// nothing); `item` numbers it as CPython's join would in its error.
bool append_piece(ThreadState& ts, const Subject& s, Value piece, int64_t item, std::string& out) {
    if (piece.is_none()) return true;
    if (s.is_str && is_str(ts, piece)) return append_checked(ts, out, str_view(piece));
    if (!s.is_str && piece.is_object() && (is_bytes(piece) || is_bytearray(piece)))
        return append_checked(ts, out, byteslike_data(piece));
    if (s.is_str)
        raise_fmt(ts, ts.exc_types().TypeError, "sequence item {}: expected str instance, {} found",
                  item, type_name(ts, piece));
    else
        raise_fmt(ts, ts.exc_types().TypeError,
                  "sequence item {}: expected a bytes-like object, {} found", item,
                  type_name(ts, piece));
    return false;
}

// subn with a callable replacement: subn_call(program, pattern, string, repl, count).
// The callable gets a Match and may run any code, this very pattern
// included, so the subject is looked up again after each call.
Value regex_subn_call(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "subn_call", 5, 5)) return Value();
    if (!is_program(ts, args[0])) return raise(ts, ts.exc_types().TypeError, "expected a program");
    ProgramObject* p = program_obj(args[0]);
    Value string = args[2], repl = args[3];
    Subject s;
    int64_t count;
    if (!get_subject(ts, p, string, s) || !index_as_ssize(ts, args[4], &count)) return Value();
    std::string out;
    int64_t pos = 0, last = 0, done = 0, items = 0;
    bool must_advance = false;
    regex::MatchResult r;
    if (count < 0) pos = s.n + 1;
    while ((count == 0 || done < count) && pos <= s.n &&
           run_on(ts, p, s, pos, s.n, regex::Mode::Search, must_advance, r)) {
        if (last < r.slots[0]) ++items;
        if (!append_range(ts, out, s, last, r.slots[0])) return Value();
        Ref m(regex::make_match(ts, args[0], args[1], s, 0, s.n, r));
        if (!m) return Value();
        Value call_args[1] = {*m};
        Ref piece(obj_call(ts, repl, Args{call_args, 1, nullptr}));
        if (!piece || !get_subject(ts, p, string, s) || !append_piece(ts, s, *piece, items, out))
            return Value();
        items += (*piece).is_none() ? 0 : 1;
        last = r.slots[1];
        must_advance = r.slots[1] == r.slots[0];
        pos = r.slots[1];
        ++done;
    }
    return subn_result(ts, s, string, out, last, done);
}

Value regex_subn(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "subn", 4, 4)) return Value();
    if (!is_program(ts, args[0]) || !is_tuple(ts, args[2]))
        return raise(ts, ts.exc_types().TypeError, "expected a program and a template");
    ProgramObject* p = program_obj(args[0]);
    Subject s;
    int64_t count;
    if (!get_subject(ts, p, args[1], s) || !index_as_ssize(ts, args[3], &count)) return Value();
    Value parts = args[2];
    std::string out;
    int64_t pos = 0, last = 0, done = 0;
    bool must_advance = false;
    regex::MatchResult r;
    if (count < 0) pos = s.n + 1;  // a negative count replaces nothing, as CPython
    while ((count == 0 || done < count) && pos <= s.n &&
           run_on(ts, p, s, pos, s.n, regex::Mode::Search, must_advance, r)) {
        if (done == 0 && !check_parts(ts, s, parts, r.slots[0] > 0 ? 1 : 0)) return Value();
        if (!append_range(ts, out, s, last, r.slots[0])) return Value();
        for (uint64_t i = 0; i < tuple_size(parts); ++i) {
            Value part = tuple_item(parts, i);
            if (!is_int(part)) {
                if (!append_checked(ts, out, s.is_str ? str_view(part) : bytes_view(part)))
                    return Value();
                continue;
            }
            int64_t g;
            if (!int_as_int64(ts, part, &g)) return Value();
            int64_t a = r.slots[2 * size_t(g)], b = r.slots[2 * size_t(g) + 1];
            if (a >= 0 && b >= 0 && !append_range(ts, out, s, a, b)) return Value();
        }
        last = r.slots[1];
        must_advance = r.slots[1] == r.slots[0];
        pos = r.slots[1];
        ++done;
    }
    return subn_result(ts, s, args[1], out, last, done);
}

// split(program, string, maxsplit), as re.split.
Value regex_split(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "split", 3, 3)) return Value();
    if (!is_program(ts, args[0])) return raise(ts, ts.exc_types().TypeError, "expected a program");
    ProgramObject* p = program_obj(args[0]);
    Subject s;
    int64_t maxsplit;
    if (!get_subject(ts, p, args[1], s) || !index_as_ssize(ts, args[2], &maxsplit)) return Value();
    Ref out(list_new(ts));
    if (!out) return Value();
    int64_t pos = 0, last = 0, done = 0;
    bool must_advance = false;
    regex::MatchResult r;
    int groups = p->prog->groups;
    if (maxsplit < 0) pos = s.n + 1;  // a negative maxsplit splits nothing, as CPython
    while ((maxsplit == 0 || done < maxsplit) && pos <= s.n &&
           run_on(ts, p, s, pos, s.n, regex::Mode::Search, must_advance, r)) {
        Value piece = slice_of(ts, s, last, r.slots[0]);
        if (piece.is_null() || !list_append_steal(ts, *out, piece)) return Value();
        for (int g = 1; g <= groups; ++g) {
            int64_t a = r.slots[2 * size_t(g)], b = r.slots[2 * size_t(g) + 1];
            Value v = a >= 0 && b >= 0 ? slice_of(ts, s, a, b) : Value::none();
            if (v.is_null() || !list_append_steal(ts, *out, v)) return Value();
        }
        last = r.slots[1];
        must_advance = r.slots[1] == r.slots[0];
        pos = r.slots[1];
        ++done;
    }
    if (ts.has_exception()) return Value();
    Value tail = slice_of(ts, s, last, s.n);
    if (tail.is_null() || !list_append_steal(ts, *out, tail)) return Value();
    return out.release();
}

// slice(program, string, start, end): string[start:end], through the
// program's decoded copy of a non-ASCII str, where slicing the str itself
// would first have to walk its UTF-8 from the start.
Value regex_slice(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "slice", 4, 4)) return Value();
    if (!is_program(ts, args[0])) return raise(ts, ts.exc_types().TypeError, "expected a program");
    Subject s;
    int64_t a, b;
    if (!get_subject(ts, program_obj(args[0]), args[1], s) || !int_as_int64(ts, args[2], &a) ||
        !int_as_int64(ts, args[3], &b))
        return Value();
    clamp(s.n, a, b);
    if (b < a) b = a;
    return slice_of(ts, s, a, b);
}

constexpr MethodDef kRegexFunctions[] = {
    {"match_object", regex_match_object},
    {"slice", regex_slice},
    {"subn", regex_subn},
    {"subn_call", regex_subn_call},
    {"scanner", regex::scanner_new},
    {"split", regex_split},
    {"compile", regex_compile},
    {"info", regex_info},
    {"match", regex_match},
    {"findall", regex_findall},
};

}  // namespace

Value init_regex_module(ThreadState& ts) {
    Ref m(module_new(ts, "_regex"));
    if (!m || !module_add_functions(ts, *m, kRegexFunctions)) return Value();
    if (!module_add_value(ts, *m, "Match", val(regex::match_type(ts.interp())))) return Value();
    return m.release();
}

}  // namespace gilt
