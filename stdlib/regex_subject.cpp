// The program object of _regex and the subjects it runs over (the module's
// functions are in regex_module.cpp, the Match type in regex_match_type.cpp).
#include <string>
#include <vector>

#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/eval_breaker.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/interrupts.hpp"
#include "runtime/module_state.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/regex_objects.hpp"

namespace gilt::regex {

namespace {

void program_dealloc(Object* o) {
    auto* p = reinterpret_cast<ProgramObject*>(o);
    delete p->prog;
    delete p->decoded;
    decref(p->last_subject);
    free_object(o);
}

}  // namespace

TypeObject* program_type(Interpreter& interp) {
    return module_state<TypeObject*>(interp, "_regex.Program", [&](TypeObject*& t) {
        t = type_alloc_builtin(interp, "Program", ObjKind::Native, sizeof(ProgramObject),
                               interp.types.object, 0);
        t->hdr.type = interp.types.type;
        t->dealloc = program_dealloc;
        t->traverse = [](Object*, VisitFn, void*) {};  // holds only a str: no cycles
        Ref mod(interp.intern("_regex"));
        type_set_attr_cstr(interp, t, "__module__", *mod);
        type_ready(interp, t);
    });
}

bool is_program(ThreadState& ts, Value v) {
    return v.is_object() && v.as_object()->type == program_type(ts.interp());
}

bool get_subject(ThreadState& ts, ProgramObject* p, Value s, Subject& out) {
    out.value = s;
    if (is_str(ts, s)) {
        if (p->prog->is_bytes) {
            raise(ts, ts.exc_types().TypeError,
                  "cannot use a bytes pattern on a string-like object");
            return false;
        }
        out.is_str = true;
        std::string_view utf8 = str_view(s);
        if (str_is_ascii(s)) {
            out.narrow = reinterpret_cast<const uint8_t*>(utf8.data());
            out.n = int64_t(utf8.size());
            return true;
        }
        if (p->last_subject != s) {
            if (!p->decoded) p->decoded = new std::vector<uint32_t>;
            p->decoded->clear();
            p->decoded->reserve(str_len(s));
            const char* c = utf8.data();
            const char* end = c + utf8.size();
            while (c < end) {
                uint32_t cp;
                c += utf8_decode(c, &cp);
                p->decoded->push_back(cp);
            }
            decref(p->last_subject);
            p->last_subject = new_ref(s);
        }
        out.wide = p->decoded->data();
        out.n = int64_t(p->decoded->size());
        return true;
    }
    if (s.is_object() && (is_bytes(s) || is_bytearray(s))) {
        if (!p->prog->is_bytes) {
            raise(ts, ts.exc_types().TypeError,
                  "cannot use a string pattern on a bytes-like object");
            return false;
        }
        std::string_view data = byteslike_data(s);
        out.narrow = reinterpret_cast<const uint8_t*>(data.data());
        out.n = int64_t(data.size());
        return true;
    }
    raise_fmt(ts, ts.exc_types().TypeError, "expected string or bytes-like object, got '{}'",
              type_name(ts, s));
    return false;
}

namespace {

// The VM's interrupt poll on a thread that takes interrupts: a signal
// (Ctrl-C) arrived, the host interrupts, a sandbox's time is up. CPython's
// matcher checks signals in its loop too.
bool poll_signals(void* ctx) {
    auto* ts = static_cast<ThreadState*>(ctx);
    constexpr uint32_t kBits = kEvalBreakerSignals | kEvalBreakerInterrupt | kEvalBreakerSandbox;
    return (ts->interp().eval_breaker.load(std::memory_order_relaxed) & kBits) &&
           interrupt_pending(*ts);
}

}  // namespace

bool run_on(ThreadState& ts, ProgramObject* p, Subject& s, int64_t pos, int64_t endpos, Mode mode,
            bool must_advance, MatchResult& out) {
    bool main_thread = polls_interrupts(ts);
    Interrupt hook{poll_signals, &ts};
    for (;;) {
        const Interrupt* interrupt = main_thread ? &hook : nullptr;
        bool found = s.narrow
                         ? run(*p->prog, s.narrow, endpos, pos, mode, must_advance, out, interrupt)
                         : run(*p->prog, s.wide, endpos, pos, mode, must_advance, out, interrupt);
        if (out.out_of_memory) {
            raise_memory_error(ts);
            return false;
        }
        if (!out.interrupted) return found;
        // The handlers run outside the VM; they may use this very program (and
        // replace its decoded subject), so the subject is looked up again and
        // the run starts over.
        if (!run_pending_interrupts(ts) || !get_subject(ts, p, s.value, s)) return false;
        out = MatchResult();
    }
}

Value slice_of(ThreadState& ts, const Subject& s, int64_t a, int64_t b) {
    if (s.narrow) {
        std::string_view text(reinterpret_cast<const char*>(s.narrow) + a, size_t(b - a));
        if (s.is_str) return make_str_known(ts, text, uint64_t(b - a), true);
        return make_bytes(ts, text);
    }
    std::string utf8;
    for (int64_t i = a; i < b; ++i) utf8_append(utf8, s.wide[i]);
    return make_str(ts, utf8);
}

void clamp(int64_t n, int64_t& pos, int64_t& endpos) {
    if (pos < 0) pos = 0;
    if (pos > n) pos = n;
    if (endpos < 0) endpos = 0;
    if (endpos > n) endpos = n;
}

}  // namespace gilt::regex
