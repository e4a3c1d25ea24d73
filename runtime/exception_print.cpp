// Formatting and printing exceptions exactly as CPython 3.11's default
// sys.excepthook does (Python/pythonrun.c print_exception_recursive and
// friends, Python/traceback.c tb_printinternal, Python/suggestions.c).
//
// The output, for an exception with a chain:
//
//   Traceback (most recent call last):          <- each cause/context first,
//     File "x.py", line 3, in f                    oldest first, followed by
//       source line, leading whitespace stripped   "The above exception was
//   KeyError: 'k'                                  the direct cause ..." or
//                                                  "During handling of ..."
//   During handling of the above exception, another exception occurred:
//
//   Traceback (most recent call last):
//     ...
//   mod.MyError: message. Did you mean: 'x'?    <- module prefix unless
//   a note                                         builtins or __main__;
//                                                  suggestions for exact
//                                                  NameError/AttributeError
//
// A SyntaxError (anything with a print_file_and_line attribute) prints its
// own `  File "f.py", line 1` block with the offending text and a caret
// line, then just "SyntaxError: msg". CPython 3.11's `^^^^`/`~~~~` marker
// lines under traceback source lines are not drawn. Runs of more than
// three identical entries collapse into "[Previous line repeated N more
// times]", and only the last sys.tracebacklimit (default 1000) entries
// are shown, as in CPython.
//
// An exception group (PEP 654) is drawn as CPython 3.11 draws it: the group
// first, its traceback headed "Exception Group Traceback", then each member
// in a numbered box, every line behind an indented `| ` margin that grows
// with the nesting; at most 15 members per group ("and N more
// exceptions") and 10 nested groups ("... (max_group_depth is 10)").
//
//   + Exception Group Traceback (most recent call last):
//   |   File "x.py", line 9, in <module>
//   | ExceptionGroup: two (2 sub-exceptions)
//   +-+---------------- 1 ----------------
//     | ValueError: 1
//     +---------------- 2 ----------------
//     | TypeError: 2
//     +------------------------------------
//
// Formatting calls Python code (str(), __dir__, __notes__ lookups); any
// error it raises is swallowed, and an exception pending on entry is kept.
// It runs with the heap reserve open (runtime/heap_meter.hpp), so a
// MemoryError raised at a capped heap's limit still prints in full.
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/code.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/exception_group.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

constexpr const char* kCauseSentence =
    "The above exception was the direct cause of the following exception:\n";
constexpr const char* kContextSentence =
    "During handling of the above exception, another exception occurred:\n";
constexpr uint64_t kMaxGroupWidth = 15;        // members shown per group, then "and N more"
constexpr int kMaxGroupDepth = 10;             // nested groups shown
constexpr int kMaxPrintNesting = 900;          // chain links and groups followed (C++ stack)
constexpr long kDefaultTracebackLimit = 1000;  // PyTraceBack_LIMIT
constexpr long kRecursiveCutoff = 3;           // TB_RECURSIVE_CUTOFF

// Sets aside the pending exception for the lifetime of the guard, and
// drops whatever formatting leaves pending.
class SavedException {
public:
    explicit SavedException(ThreadState& ts) : m_ts(ts), m_saved(fetch_exception(ts)) {}
    ~SavedException() {
        clear_exception(m_ts);
        restore_exception(m_ts, m_saved);
    }
    SavedException(const SavedException&) = delete;
    SavedException& operator=(const SavedException&) = delete;

private:
    ThreadState& m_ts;
    Value m_saved;
};

// str(v) as UTF-8; false (error cleared) when str() fails.
bool str_of(ThreadState& ts, Value v, std::string* out) {
    Ref s(obj_str(ts, v));
    if (!s) {
        clear_exception(ts);
        return false;
    }
    *out = std::string(str_view(*s));
    return true;
}

// getattr(obj, name) or null, errors cleared.
Value getattr_quiet(ThreadState& ts, Value obj, const char* name) {
    Value r = obj_getattr_cstr(ts, obj, name);
    if (r.is_null()) clear_exception(ts);
    return r;
}

// Appends `text` with `margin` before each of its lines.
void append_with_margin(std::string& out, std::string_view text, const std::string& margin) {
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        std::size_t len = nl == std::string_view::npos ? text.size() : nl + 1;
        out += margin;
        out += text.substr(0, len);
        text.remove_prefix(len);
    }
}

// ---------------- "Did you mean" (Python/suggestions.c) ----------------

constexpr std::size_t kMaxCandidateItems = 750;
constexpr std::size_t kMaxStringSize = 40;
constexpr std::size_t kMoveCost = 2;
constexpr std::size_t kCaseCost = 1;

std::size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return kMoveCost;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += 'a' - 'A';
    if ('A' <= b && b <= 'Z') b += 'a' - 'A';
    return a == b ? kCaseCost : kMoveCost;
}

// Levenshtein distance with case-insensitive matches costing less; gives
// up (returns max_cost + 1) as soon as the result must exceed max_cost.
std::size_t levenshtein(std::string_view a, std::string_view b, std::size_t max_cost) {
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
    if (b.size() < a.size()) std::swap(a, b);
    if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
    std::size_t buffer[kMaxStringSize];
    for (std::size_t i = 0; i < a.size(); ++i) buffer[i] = (i + 1) * kMoveCost;
    std::size_t result = 0;
    for (std::size_t bi = 0; bi < b.size(); ++bi) {
        std::size_t distance = result = bi * kMoveCost;
        std::size_t minimum = SIZE_MAX;
        for (std::size_t ai = 0; ai < a.size(); ++ai) {
            std::size_t substitute = distance + substitution_cost(b[bi], a[ai]);
            distance = buffer[ai];
            std::size_t insert_delete = std::min(result, distance) + kMoveCost;
            result = std::min(insert_delete, substitute);
            buffer[ai] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

// The closest name in `candidates` (a list), or empty.
std::string closest_name(ThreadState& ts, Value candidates, std::string_view name) {
    uint64_t n = list_size(candidates);
    if (n >= kMaxCandidateItems) return {};
    std::size_t best_distance = SIZE_MAX;
    std::string best;
    for (uint64_t i = 0; i < list_size(candidates); ++i) {
        Value item = list_item(candidates, i);
        if (!is_str(ts, item)) continue;
        std::string_view s = str_view(item);
        if (s == name) continue;
        // No more than 1/3 of the involved characters should need changing.
        std::size_t max_distance = (name.size() + s.size() + 3) * kMoveCost / 6;
        if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
        std::size_t d = levenshtein(name, s, max_distance);
        if (d > max_distance) continue;
        if (best.empty() || d < best_distance) {
            best = std::string(s);
            best_distance = d;
        }
    }
    return best;
}

std::string suggest_from_dict(ThreadState& ts, Value dict, std::string_view name) {
    if (dict.is_null() || !is_dict(ts, dict)) return {};
    Ref keys(dict_keys_list(ts, dict));
    if (!keys) {
        clear_exception(ts);
        return {};
    }
    return closest_name(ts, *keys, name);
}

// sorted(dir(obj)), or null (error cleared).
Value dir_of(ThreadState& ts, Value obj) {
    Ref dir_name(ts.interp().intern("__dir__"));
    Ref listing(dir_name ? call_special(ts, obj, *dir_name, {}) : Value());
    Ref as_list(listing ? list_from_iterable(ts, *listing) : Value());
    if (!as_list || !list_sort(ts, *as_list, Value(), false)) {
        clear_exception(ts);
        return Value();
    }
    return as_list.release();
}

std::string suggest_attribute(ThreadState& ts, Value exc) {
    auto* ae = reinterpret_cast<AttributeErrorObject*>(exc.as_object());
    if (ae->name.is_null() || ae->obj.is_null() || !is_exact_str(ts, ae->name)) return {};
    Ref dir(dir_of(ts, ae->obj));
    if (!dir) return {};
    return closest_name(ts, *dir, str_view(ae->name));
}

// Local variable names of the innermost frame, then its globals, then
// the builtins.
std::string suggest_name(ThreadState& ts, Value exc) {
    Value name = reinterpret_cast<NameErrorObject*>(exc.as_object())->name;
    Value tb = exc_obj(exc)->traceback;
    if (name.is_null() || !is_exact_str(ts, name) || tb.is_null()) return {};
    while (!tb_obj(tb)->next.is_null()) tb = tb_obj(tb)->next;
    std::string_view n = str_view(name);
    Value code = tb_obj(tb)->code;
    if (!code.is_null() && code.as_object()->kind == ObjKind::Code) {
        const std::vector<Value>& varnames = code_obj(code)->varnames;
        Ref names(list_from_array(ts, varnames.data(), varnames.size()));
        if (!names) {
            clear_exception(ts);
            return {};
        }
        std::string s = closest_name(ts, *names, n);
        if (!s.empty()) return s;
    }
    std::string s = suggest_from_dict(ts, tb_obj(tb)->globals, n);
    if (!s.empty()) return s;
    return suggest_from_dict(ts, ts.interp().builtins, n);
}

// ". Did you mean: 'x'?" for exact NameError and AttributeError, or "".
std::string suggestion_suffix(ThreadState& ts, Value exc) {
    TypeObject* t = type_of_object(exc);
    std::string s;
    if (t == ts.exc_types().AttributeError)
        s = suggest_attribute(ts, exc);
    else if (t == ts.exc_types().NameError)
        s = suggest_name(ts, exc);
    clear_exception(ts);
    return s.empty() ? std::string() : ". Did you mean: '" + s + "'?";
}

// ---------------- the traceback entries ----------------

// sys.tracebacklimit, or the default; <= 0 means print no traceback.
long traceback_limit(ThreadState& ts) {
    Value sys = ts.interp().sys;
    if (sys.is_null()) return kDefaultTracebackLimit;
    Value v = dict_get_cstr(ts, module_dict(sys), "tracebacklimit");
    if (v.is_null() || !is_int(v) || v.is_bool()) return kDefaultTracebackLimit;
    int64_t n;
    if (!int_to_int64(v, &n)) return int_sign(v) > 0 ? LONG_MAX : 0;
    return static_cast<long>(n);
}

// CPython shows no source for pseudo-files such as <string> and <stdin>.
bool is_pseudo_file(const std::string& f) {
    return !f.empty() && f.front() == '<' && f.back() == '>';
}

void format_entry(ThreadState& ts, std::string& out, const std::string& file, int lineno,
                  const std::string& name) {
    out += "  File \"" + file + "\", line " + std::to_string(lineno) + ", in " + name + "\n";
    if (is_pseudo_file(file)) return;
    std::string line = source_line(ts, file, lineno);
    std::size_t start = line.find_first_not_of(" \t\f");
    if (start == std::string::npos) return;
    out += "    " + line.substr(start) + "\n";
}

void format_repeated(std::string& out, long count) {
    long more = count - kRecursiveCutoff;
    out += "  [Previous line repeated " + std::to_string(more) +
           (more > 1 ? " more times]\n" : " more time]\n");
}

// Which traceback entries to show: a limit >= 0 keeps the first `limit`
// (outermost) entries, a negative one the last -limit. The interpreter's
// printer keeps the last sys.tracebacklimit entries (tb_printinternal); the
// traceback module counts as its StackSummary.extract does.
long printer_limit(ThreadState& ts) {
    return -std::max(0L, traceback_limit(ts));
}

// tb_printinternal: the entries `limit` keeps, identical runs collapsed.
void format_traceback(ThreadState& ts, std::string& out, Value tb, long limit) {
    long depth = 0;
    for (Value t = tb; !t.is_null(); t = tb_obj(t)->next) ++depth;
    long shown = limit >= 0 ? std::min(limit, depth) : std::min(-limit, depth);
    if (shown <= 0) return;
    out += "Traceback (most recent call last):\n";
    for (long skip = limit >= 0 ? 0 : depth - shown; skip > 0; --skip) tb = tb_obj(tb)->next;
    std::string last_file, last_name;
    int last_line = -1;
    long count = 0;
    for (; !tb.is_null() && shown > 0; tb = tb_obj(tb)->next, --shown) {
        TracebackObject* e = tb_obj(tb);
        std::string file = e->code.is_null() ? "???" : code_filename(e->code);
        std::string name = e->code.is_null() ? "???" : code_name(e->code);
        if (count == 0 || file != last_file || e->lineno != last_line || name != last_name) {
            if (count > kRecursiveCutoff) format_repeated(out, count);
            last_file = file;
            last_line = e->lineno;
            last_name = name;
            count = 0;
        }
        if (++count <= kRecursiveCutoff) format_entry(ts, out, file, e->lineno, name);
    }
    if (count > kRecursiveCutoff) format_repeated(out, count);
}

// ---------------- SyntaxError's block ----------------

struct SyntaxInfo {
    Ref message;
    std::string filename;
    int64_t lineno = 0, offset = -1, end_lineno = 0, end_offset = -1;
    Ref text;  // null when None
};

// An int attribute; None gives `none_value`. False on anything else.
bool int_attr(ThreadState& ts, Value exc, const char* name, bool none_ok, int64_t none_value,
              int64_t* out) {
    Ref v(getattr_quiet(ts, exc, name));
    if (!v) return false;
    if (none_ok && v.get().is_none()) {
        *out = none_value;
        return true;
    }
    if (!is_int(*v)) return false;
    return int_to_int64(*v, out);
}

// parse_syntax_error: false when an attribute is missing or malformed
// (the exception is then printed the ordinary way).
bool parse_syntax_error(ThreadState& ts, Value exc, SyntaxInfo* info) {
    info->message = Ref(getattr_quiet(ts, exc, "msg"));
    if (!info->message) return false;
    Ref filename(getattr_quiet(ts, exc, "filename"));
    if (!filename) return false;
    if (filename.get().is_none()) {
        info->filename = "<string>";
    } else if (!str_of(ts, *filename, &info->filename)) {
        return false;
    }
    if (!int_attr(ts, exc, "lineno", false, 0, &info->lineno)) return false;
    if (!int_attr(ts, exc, "offset", true, -1, &info->offset)) return false;
    if (type_of_object(exc) == ts.exc_types().SyntaxError) {
        // Missing or odd end positions only lose the caret's width.
        if (!int_attr(ts, exc, "end_lineno", true, info->lineno, &info->end_lineno))
            info->end_lineno = info->lineno;
        if (!int_attr(ts, exc, "end_offset", true, -1, &info->end_offset)) info->end_offset = -1;
    } else {
        info->end_lineno = info->lineno;
        info->end_offset = -1;
    }
    Ref text(getattr_quiet(ts, exc, "text"));
    if (!text) return false;
    if (!text.get().is_none()) info->text = std::move(text);
    return true;
}

// print_error_text: the offending line, its indentation stripped, and a
// caret line under offset..end_offset (1-based).
void format_error_text(std::string& out, int64_t offset, int64_t end_offset,
                       std::string_view text) {
    std::size_t carets =
        (end_offset > 0 && end_offset > offset) ? static_cast<std::size_t>(end_offset - offset) : 1;
    offset--;
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\f')) {
        text.remove_prefix(1);
        offset--;
    }
    int64_t len = static_cast<int64_t>(text.size());
    if (len > 0 && text.back() == '\n') len--;
    if (offset > len) offset = len;
    for (;;) {
        std::size_t nl = text.find('\n');
        if (nl == std::string_view::npos || static_cast<int64_t>(nl) >= offset) break;
        text.remove_prefix(nl + 1);
        len -= static_cast<int64_t>(nl + 1);
        offset -= static_cast<int64_t>(nl + 1);
    }
    out += "    ";
    out += text;
    if (static_cast<std::size_t>(len) >= text.size() || text[len] != '\n') out += "\n";
    if (offset < 0) return;
    out += "    ";
    out.append(static_cast<std::size_t>(offset), ' ');
    out.append(carets, '^');
    out += "\n";
}

// The `  File "f.py", line 1` block; on success *value becomes the message.
void format_syntax_error_block(ThreadState& ts, std::string& out, Ref* value) {
    Ref marker(getattr_quiet(ts, **value, "print_file_and_line"));
    if (!marker) return;
    SyntaxInfo info;
    if (!parse_syntax_error(ts, **value, &info)) return;
    out += "  File \"" + info.filename + "\", line " + std::to_string(info.lineno) + "\n";
    if (info.text) {
        std::string text;
        if (str_of(ts, *info.text, &text)) {
            int64_t size = static_cast<int64_t>(text.size());
            int64_t end_offset = info.end_offset;
            // A multi-line location is highlighted to the end of its first line.
            if (info.end_lineno > info.lineno) end_offset = size;
            if (end_offset > size + 1) end_offset = size + 1;
            format_error_text(out, info.offset, end_offset, text);
        }
    }
    *value = std::move(info.message);
}

// ---------------- the message line and notes ----------------

void format_message_line(ThreadState& ts, std::string& out, TypeObject* type, Value value) {
    Ref module(obj_getattr(ts, val(type), ts.names().__module__));
    if (!module || !is_str(ts, *module)) {
        clear_exception(ts);
        out += "<unknown>.";
    } else if (str_view(*module) != "builtins" && str_view(*module) != "__main__") {
        out += str_view(*module);
        out += '.';
    }
    if (!type->qualname.is_null() && is_str(ts, type->qualname)) {
        out += str_view(type->qualname);
    } else {
        out += "<unknown>";
    }
    if (value.is_none()) return;
    std::string s;
    if (!str_of(ts, value, &s)) {
        out += ": <exception str() failed>";
        return;
    }
    if (!s.empty()) out += ": " + s;
}

// Each line of each note gets the margin (`| ` inside a group); a note
// ends with a newline of its own.
void format_notes(ThreadState& ts, std::string& out, Value exc, const std::string& margin) {
    if (!is_exception_instance(ts, exc)) return;
    Ref notes(getattr_quiet(ts, exc, "__notes__"));
    if (!notes) return;
    TypeObject* nt = type_of(ts, *notes);
    bool sequence = nt->getitem && !is_dict(ts, *notes);
    if (!sequence) {
        // CPython 3.11 writes the repr without a newline here.
        Ref r(obj_repr(ts, *notes));
        out += margin;
        if (r) {
            out += str_view(*r);
        } else {
            clear_exception(ts);
            out += "<__notes__ repr() failed>";
        }
        return;
    }
    int64_t n = obj_len(ts, *notes);
    if (n < 0) {
        clear_exception(ts);
        return;
    }
    for (int64_t i = 0; i < n; ++i) {
        Ref index(make_int(ts, i));
        Ref note(index ? obj_getitem(ts, *notes, *index) : Value());
        std::string text;
        if (!note || !str_of(ts, *note, &text)) {
            clear_exception(ts);
            text = "<note str() failed>";
        }
        append_with_margin(out, text, margin);
        out += "\n";
    }
}

// ---------------- groups and chains ----------------

// What one print shares across its recursion (CPython's
// exception_print_context): the exceptions already shown, how deep in
// nested groups the current one is, and whether the innermost group still
// owes its closing `+----` line.
struct Printer {
    ThreadState& ts;
    std::string out;
    long limit;
    bool chain;
    std::unordered_set<Object*> seen;
    int group_depth = 0;
    bool need_close = false;
    int nesting = 0;  // C++ recursion, bounded (chains and groups nest)

    std::string indent() const { return std::string(2 * group_depth, ' '); }
    std::string margin() const { return indent() + (group_depth ? "| " : ""); }
};

void print_recursive(Printer& p, Value exc);

// One exception: traceback, SyntaxError block, message, notes, each line
// behind the margin. A group's traceback header says so, and the outermost
// group's starts the box with `+ `.
void format_single(Printer& p, Value exc) {
    ThreadState& ts = p.ts;
    std::string margin = p.margin();
    bool group = is_exception_group(ts, exc);
    Value tb = exc_obj(exc)->traceback;
    std::string text;
    if (!tb.is_null()) format_traceback(ts, text, tb, p.limit);
    std::size_t header_end = text.find('\n');
    if (header_end != std::string::npos) {
        std::string header_margin = group && p.group_depth == 1 ? p.indent() + "+ " : margin;
        p.out += header_margin + (group ? "Exception Group " : "") + text.substr(0, header_end + 1);
        append_with_margin(p.out, text.substr(header_end + 1), margin);
    }
    TypeObject* type = type_of_object(exc);
    Ref value = Ref::borrow(exc);
    std::string block;
    format_syntax_error_block(ts, block, &value);
    append_with_margin(p.out, block, margin);
    std::string message;
    format_message_line(ts, message, type, *value);
    if (*value == exc) message += suggestion_suffix(ts, exc);
    append_with_margin(p.out, message + "\n", margin);
    format_notes(ts, p.out, *value, margin);
}

// print_exception_group: the group itself, then each member in its box.
void print_group(Printer& p, Value exc) {
    if (p.group_depth > kMaxGroupDepth) {
        p.out += p.margin() + "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n";
        return;
    }
    if (p.group_depth == 0) p.group_depth = 1;
    format_single(p, exc);
    Value excs = reinterpret_cast<BaseExceptionGroupObject*>(exc.as_object())->excs;
    uint64_t count = excs.is_null() ? 0 : tuple_size(excs);
    uint64_t shown = count <= kMaxGroupWidth ? count : kMaxGroupWidth + 1;
    p.need_close = false;
    for (uint64_t i = 0; i < shown; ++i) {
        bool last = i + 1 == shown;
        if (last) p.need_close = true;  // unless a nested group closes the box first
        bool truncated = i >= kMaxGroupWidth;
        p.out += p.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " +
                 (truncated ? std::string("...") : std::to_string(i + 1)) + " ----------------\n";
        ++p.group_depth;
        if (!truncated) {
            print_recursive(p, tuple_item(excs, i));
        } else {
            uint64_t more = count - kMaxGroupWidth;
            p.out += p.margin() + "and " + std::to_string(more) + " more exception" +
                     (more > 1 ? "s" : "") + "\n";
        }
        if (last && p.need_close) {
            p.out += p.indent() + "+------------------------------------\n";
            p.need_close = false;
        }
        --p.group_depth;
    }
    if (p.group_depth == 1) p.group_depth = 0;
}

// The cause (or context) of `exc`, printed before it with the sentence
// that leads from one to the other (print_exception_cause_and_context).
void print_cause_and_context(Printer& p, Value exc) {
    p.seen.insert(exc.as_object());
    ExceptionObject* e = exc_obj(exc);
    Value next;
    const char* sentence = nullptr;
    if (!e->cause.is_null()) {
        next = e->cause;
        sentence = kCauseSentence;
    } else if (!e->context.is_null() && !e->suppress_context) {
        next = e->context;
        sentence = kContextSentence;
    }
    if (next.is_null() || !is_exception_instance(p.ts, next) || p.seen.count(next.as_object()))
        return;
    bool need_close = p.need_close;
    print_recursive(p, next);
    p.need_close = need_close;
    std::string margin = p.margin();
    p.out += margin + "\n" + margin + sentence + margin + "\n";
}

void print_recursive(Printer& p, Value exc) {
    if (p.nesting >= kMaxPrintNesting) return;
    ++p.nesting;
    Ref keep = Ref::borrow(exc);
    if (p.chain) print_cause_and_context(p, exc);
    if (is_exception_group(p.ts, exc))
        print_group(p, exc);
    else
        format_single(p, exc);
    --p.nesting;
}

// The chain, causes and contexts first, each exception once; with
// `follow_links` false, only `exc` (and a group's members).
std::string format_chain(ThreadState& ts, Value exc, long limit, bool follow_links) {
    HeapReserve reserve(ts.interp().heap_meter);  // works at the heap cap too
    Printer p{ts, std::string(), limit, follow_links, {}};
    print_recursive(p, exc);
    return std::move(p.out);
}

// Writes to sys.stderr (nothing if it is None), else to the host's sink or
// file descriptor 2.
void write_stderr(ThreadState& ts, const std::string& text) {
    Value sys = ts.interp().sys;
    Value err = sys.is_null() ? Value() : dict_get_str(module_dict(sys), ts.names().stderr);
    if (!err.is_null()) {
        if (err.is_none()) return;
        Ref keep = Ref::borrow(err);
        Ref s(make_str(ts, text));
        Ref r(s ? call_method(ts, *keep, ts.names().write, {*s}) : Value());
        if (r) {
            Ref f(call_method(ts, *keep, ts.names().flush, {}));
            clear_exception(ts);
            return;
        }
        clear_exception(ts);
    }
    if (ts.interp().stderr_sink) {
        ts.interp().stderr_sink(text);
        return;
    }
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(2, text.data() + done, text.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

std::string format_exception(ThreadState& ts, Value exc) {
    SavedException saved(ts);
    if (!is_exception_instance(ts, exc)) {
        return "TypeError: print_exception(): Exception expected for value, " +
               std::string(type_name(ts, exc)) + " found\n";
    }
    return format_chain(ts, exc, printer_limit(ts), true);
}

std::string format_exception(ThreadState& ts, Value exc, long limit, bool chain) {
    SavedException saved(ts);
    return format_chain(ts, exc, limit, chain);
}

std::string format_exception_only(ThreadState& ts, Value exc) {
    SavedException saved(ts);
    HeapReserve reserve(ts.interp().heap_meter);
    std::string out;
    if (!is_exception_instance(ts, exc)) return out;
    // A SyntaxError's last line shows its msg alone (the location is in the
    // block above it, which is not part of this line).
    Ref value = Ref::borrow(exc);
    std::string block;
    format_syntax_error_block(ts, block, &value);
    format_message_line(ts, out, type_of_object(exc), *value);
    if (*value == exc) out += suggestion_suffix(ts, exc);
    return out;
}

void print_exception(ThreadState& ts, Value exc) {
    Ref keep = Ref::borrow(exc);
    std::string text = format_exception(ts, exc);
    SavedException saved(ts);
    HeapReserve reserve(ts.interp().heap_meter);
    write_stderr(ts, text);
}

void write_unraisable(ThreadState& ts, Value obj) {
    Ref exc(fetch_exception(ts));
    if (!exc) return;
    std::string text = "Exception ignored in: ";
    {
        SavedException saved(ts);
        Ref r(obj.is_null() ? make_str(ts, "None") : obj_repr(ts, obj));
        text += r ? std::string(str_view(*r)) : std::string("<object repr() failed>");
    }
    text += "\n" + format_exception(ts, *exc);
    SavedException saved(ts);
    write_stderr(ts, text);
}

Value make_syntax_error(ThreadState& ts, TypeObject* type, const std::string& msg,
                        const std::string& filename, int lineno, int offset,
                        const std::string& text, int end_lineno, int end_offset) {
    auto int_or_none = [&](int v) { return v > 0 ? make_int(ts, v) : Value::none(); };
    Ref m(make_str(ts, msg));
    Ref f(make_str(ts, filename));
    Ref ln(make_int(ts, lineno));
    Ref off(offset >= 0 ? make_int(ts, offset) : Value::none());
    Ref t(text.empty() ? Value::none() : make_str(ts, text));
    Ref eln(int_or_none(end_lineno));
    Ref eoff(end_lineno > 0 && end_offset != kSyntaxErrorNoEnd ? make_int(ts, end_offset)
                                                               : Value::none());
    if (!m || !f || !ln || !off || !t || !eln || !eoff) return Value();
    Ref info(tuple_pack(ts, {*f, *ln, *off, *t, *eln, *eoff}));
    if (!info) return Value();
    Ref args(tuple_pack(ts, {*m, *info}));
    if (!args) return Value();
    return exception_new(ts, type, *args);
}

}  // namespace gilt
