// The iterator behind Pattern.finditer and Pattern.scanner: successive
// matches over one subject, each search starting where the last match
// ended. After an empty match the next one may not be empty at the same
// place (CPython 3.7's rule, which lets "x*" find the empty string between
// every character but never twice at one).
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/module_state.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "stdlib/regex_objects.hpp"

namespace gilt::regex {

namespace {

struct ScannerObject {
    Object hdr;
    Value program;
    Value pattern;
    Value string;
    int64_t pos;     // where the next search starts
    int64_t origin;  // the pos every Match reports
    int64_t endpos;
    bool must_advance;
    bool done;
};

ScannerObject* scanner_obj(Value v) {
    return reinterpret_cast<ScannerObject*>(v.as_object());
}

void scanner_dealloc(Object* o) {
    auto* sc = reinterpret_cast<ScannerObject*>(o);
    decref(sc->program);
    decref(sc->pattern);
    decref(sc->string);
    free_object(o);
}

// The next match (a new reference), None when there is none, or null with
// an exception pending.
Value scanner_step(ThreadState& ts, ScannerObject* sc, Mode mode) {
    if (sc->done) return Value::none();
    ProgramObject* p = program_obj(sc->program);
    Subject s;
    if (!get_subject(ts, p, sc->string, s)) return Value();
    int64_t pos = sc->pos, endpos = sc->endpos;
    clamp(s.n, pos, endpos);
    MatchResult r;
    if (pos > endpos || !run_on(ts, p, s, pos, endpos, mode, sc->must_advance, r)) {
        if (ts.has_exception()) return Value();
        sc->done = true;
        return Value::none();
    }
    sc->must_advance = r.slots[1] == r.slots[0];
    sc->pos = r.slots[1];
    return make_match(ts, sc->program, sc->pattern, s, sc->origin, endpos, r);
}

Value scanner_match(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "match", 0, 0)) return Value();
    return scanner_step(ts, scanner_obj(args[0]), Mode::Match);
}

Value scanner_search(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "search", 0, 0)) return Value();
    return scanner_step(ts, scanner_obj(args[0]), Mode::Search);
}

Value scanner_next(ThreadState& ts, Value self) {
    Value m = scanner_step(ts, scanner_obj(self), Mode::Search);
    if (m.is_none()) return Value();  // exhausted: null with no exception
    return m;
}

Value scanner_get_pattern(ThreadState&, Value self) {
    return new_ref(scanner_obj(self)->pattern);
}

constexpr MethodDef kScannerMethods[] = {
    {"match", scanner_match},
    {"search", scanner_search},
};

constexpr GetSetDef kScannerGetSets[] = {
    {"pattern", scanner_get_pattern},
};

}  // namespace

TypeObject* scanner_type(Interpreter& interp) {
    return module_state<TypeObject*>(interp, "_regex.Scanner", [&](TypeObject*& t) {
        t = type_alloc_builtin(interp, "SRE_Scanner", ObjKind::Native, sizeof(ScannerObject),
                               interp.types.object, 0);
        t->hdr.type = interp.types.type;
        t->dealloc = scanner_dealloc;
        t->traverse = [](Object*, VisitFn, void*) {
        };  // holds a Pattern, a program, a subject: no cycles
        t->iter = iter_self;
        t->iternext = scanner_next;
        type_add_methods(interp, t, kScannerMethods);
        type_add_getsets(interp, t, kScannerGetSets);
        Ref mod(interp.intern("re"));
        type_set_attr_cstr(interp, t, "__module__", *mod);
        type_ready(interp, t);
    });
}

Value scanner_new(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "scanner", 5, 5)) return Value();
    if (!is_program(ts, args[0])) return raise(ts, ts.exc_types().TypeError, "expected a program");
    Subject s;
    int64_t pos, endpos;
    if (!get_subject(ts, program_obj(args[0]), args[2], s) || !index_as_ssize(ts, args[3], &pos) ||
        !index_as_ssize(ts, args[4], &endpos))
        return Value();
    clamp(s.n, pos, endpos);
    TypeObject* t = scanner_type(ts.interp());
    Object* o = alloc_object(t, t->basicsize);
    if (!o) return raise_memory_error(ts);
    auto* sc = reinterpret_cast<ScannerObject*>(o);
    sc->program = new_ref(args[0]);
    sc->pattern = new_ref(args[1]);
    sc->string = new_ref(args[2]);
    sc->pos = sc->origin = pos;
    sc->endpos = endpos;
    sc->must_advance = false;
    sc->done = false;
    return Value::object(o);
}

}  // namespace gilt::regex
