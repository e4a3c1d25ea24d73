// re.Match: the result of a successful match, native because scripts make
// one per line they parse, and read its groups as often.
//
// A Match holds its pattern (the re.Pattern), that pattern's program, the
// subject and the spans the VM reported. Group text is cut from the subject
// on demand (through the program's decoded copy for a non-ASCII str).
// Only expand() goes back to Python, to re.py's template code. Matches are
// not tracked by the cycle collector: what they hold (a Pattern with
// __slots__, a program, a str or bytes) cannot lead back to them.
#include <string>

#include "interp/vm/import.hpp"
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module_state.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/regex_objects.hpp"

namespace gilt::regex {

namespace {

struct MatchObject {
    Object hdr;
    Value pattern;  // re.Pattern
    Value program;  // its ProgramObject
    Value string;
    int64_t pos, endpos;
    int lastindex;  // -1: None
    int groups;
    int64_t* slots;  // 2 * (groups + 1), malloc'd
};

MatchObject* match_obj(Value v) {
    return reinterpret_cast<MatchObject*>(v.as_object());
}

void match_dealloc(Object* o) {
    auto* m = reinterpret_cast<MatchObject*>(o);
    decref(m->pattern);
    decref(m->program);
    decref(m->string);
    std::free(m->slots);
    free_object(o);
}

const Program& program_of(const MatchObject* m) {
    return *program_obj(m->program)->prog;
}

// The group number `g` names (an int or a group name), or -1 with
// IndexError("no such group") pending.
int group_index(ThreadState& ts, const MatchObject* m, Value g) {
    if (is_str(ts, g)) {
        std::string_view name = str_view(g);
        for (const auto& [n, index] : program_of(m).group_names)
            if (n == name) return index;
    } else {
        int64_t i;
        if (index_as_ssize(ts, g, &i)) {
            if (i >= 0 && i <= m->groups) return int(i);
        } else {
            clear_exception(ts);
        }
    }
    raise(ts, ts.exc_types().IndexError, "no such group");
    return -1;
}

// The text of group g, or `dflt` (borrowed) when it did not take part.
Value group_text(ThreadState& ts, const MatchObject* m, int g, Value dflt) {
    int64_t a = m->slots[2 * g], b = m->slots[2 * g + 1];
    if (a < 0 || b < 0) return new_ref(dflt);
    Subject s;
    if (!get_subject(ts, program_obj(m->program), m->string, s)) return Value();
    return slice_of(ts, s, a, b);
}

Value group_of(ThreadState& ts, const MatchObject* m, Value g) {
    int index = group_index(ts, m, g);
    if (index < 0) return Value();
    return group_text(ts, m, index, Value::none());
}

Value match_group(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "group")) return Value();
    const MatchObject* m = match_obj(args[0]);
    if (args.n == 1) return group_text(ts, m, 0, Value::none());
    if (args.n == 2) return group_of(ts, m, args[1]);
    Ref out(tuple_new(ts, args.n - 1));
    if (!out) return Value();
    for (uint32_t i = 1; i < args.n; ++i) {
        Value v = group_of(ts, m, args[i]);
        if (v.is_null()) return Value();
        tuple_obj(*out)->items[i - 1] = v;
    }
    return out.release();
}

Value match_getitem(ThreadState& ts, Value self, Value key) {
    return group_of(ts, match_obj(self), key);
}

Value match_groups(ThreadState& ts, Args args) {
    Value dflt = Value::none();
    if (!parse_args(ts, args.drop_first(), "groups", {"|", "default"}, {&dflt})) return Value();
    const MatchObject* m = match_obj(args[0]);
    Ref out(tuple_new(ts, uint64_t(m->groups)));
    if (!out) return Value();
    for (int g = 1; g <= m->groups; ++g) {
        Value v = group_text(ts, m, g, dflt);
        if (v.is_null()) return Value();
        tuple_obj(*out)->items[g - 1] = v;
    }
    return out.release();
}

Value match_groupdict(ThreadState& ts, Args args) {
    Value dflt = Value::none();
    if (!parse_args(ts, args.drop_first(), "groupdict", {"|", "default"}, {&dflt})) return Value();
    const MatchObject* m = match_obj(args[0]);
    Ref out(dict_new(ts));
    if (!out) return Value();
    for (const auto& [name, index] : program_of(m).group_names) {
        Ref key(make_str(ts, name));
        Ref v(group_text(ts, m, index, dflt));
        if (!key || !v || !dict_set(ts, *out, *key, *v)) return Value();
    }
    return out.release();
}

// start(), end() and span() share their argument: a group, 0 by default.
// (positional only: "Match.start() takes no keyword arguments").
bool span_group(ThreadState& ts, Args args, const char* name, int& g) {
    std::string qualified = std::string("Match.") + name;
    if (!no_kwargs(ts, args, qualified) || !check_nargs(ts, args.drop_first(), name, 0, 1))
        return false;
    if (args.n == 1) {
        g = 0;
        return true;
    }
    g = group_index(ts, match_obj(args[0]), args[1]);
    return g >= 0;
}

Value match_start(ThreadState& ts, Args args) {
    int g;
    if (!span_group(ts, args, "start", g)) return Value();
    return make_int(ts, match_obj(args[0])->slots[2 * g]);
}

Value match_end(ThreadState& ts, Args args) {
    int g;
    if (!span_group(ts, args, "end", g)) return Value();
    return make_int(ts, match_obj(args[0])->slots[2 * g + 1]);
}

Value span_tuple(ThreadState& ts, const MatchObject* m, int g) {
    Ref a(make_int(ts, m->slots[2 * g]));
    Ref b(make_int(ts, m->slots[2 * g + 1]));
    if (!a || !b) return Value();
    return tuple_pack(ts, {*a, *b});
}

Value match_span(ThreadState& ts, Args args) {
    int g;
    if (!span_group(ts, args, "span", g)) return Value();
    return span_tuple(ts, match_obj(args[0]), g);
}

// expand(template): re.py parses templates (with their cache), so this
// calls its _expand(pattern, template, match).
Value match_expand(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "expand", 1, 1)) return Value();
    Ref re(import_by_name(ts, "re"));
    if (!re) return Value();
    Ref fn(obj_getattr_cstr(ts, *re, "_expand"));
    if (!fn) return Value();
    Value call_args[3] = {match_obj(args[0])->pattern, args[1], args[0]};
    return obj_call(ts, *fn, Args{call_args, 3, nullptr});
}

// Match[str]: a types.GenericAlias, for annotations.
Value match_class_getitem(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "__class_getitem__", 2, 2)) return Value();
    Value alias_args[2] = {args[0], args[1]};
    return obj_call(ts, val(ts.types().generic_alias), Args{alias_args, 2, nullptr});
}

Value match_self(ThreadState&, Args args) {
    return new_ref(args[0]);
}

Value match_repr(ThreadState& ts, Value self) {
    const MatchObject* m = match_obj(self);
    Ref text(group_text(ts, m, 0, Value::none()));
    if (!text) return Value();
    Ref r(obj_repr(ts, *text));
    if (!r) return Value();
    std::string out = "<re.Match object; span=(" + std::to_string(m->slots[0]) + ", " +
                      std::to_string(m->slots[1]) + "), match=" + std::string(str_view(*r)) + ">";
    return make_str(ts, out);
}

Value match_get_string(ThreadState&, Value self) {
    return new_ref(match_obj(self)->string);
}
Value match_get_re(ThreadState&, Value self) {
    return new_ref(match_obj(self)->pattern);
}
Value match_get_pos(ThreadState& ts, Value self) {
    return make_int(ts, match_obj(self)->pos);
}
Value match_get_endpos(ThreadState& ts, Value self) {
    return make_int(ts, match_obj(self)->endpos);
}
Value match_get_lastindex(ThreadState& ts, Value self) {
    int i = match_obj(self)->lastindex;
    return i < 0 ? Value::none() : make_int(ts, i);
}
Value match_get_lastgroup(ThreadState& ts, Value self) {
    const MatchObject* m = match_obj(self);
    for (const auto& [name, index] : program_of(m).group_names)
        if (index == m->lastindex) return make_str(ts, name);
    return Value::none();
}
Value match_get_regs(ThreadState& ts, Value self) {
    const MatchObject* m = match_obj(self);
    Ref out(tuple_new(ts, uint64_t(m->groups + 1)));
    if (!out) return Value();
    for (int g = 0; g <= m->groups; ++g) {
        Value span = span_tuple(ts, m, g);
        if (span.is_null()) return Value();
        tuple_obj(*out)->items[g] = span;
    }
    return out.release();
}

constexpr MethodDef kMatchMethods[] = {
    {"group", match_group},
    {"groups", match_groups},
    {"groupdict", match_groupdict},
    {"start", match_start},
    {"end", match_end},
    {"span", match_span},
    {"expand", match_expand},
    {"__copy__", match_self},
    {"__deepcopy__", match_self},
    {"__class_getitem__", match_class_getitem, kMethodClass},
};

constexpr GetSetDef kMatchGetSets[] = {
    {"string", match_get_string},
    {"re", match_get_re},
    {"pos", match_get_pos},
    {"endpos", match_get_endpos},
    {"lastindex", match_get_lastindex},
    {"lastgroup", match_get_lastgroup},
    {"regs", match_get_regs},
};

}  // namespace

TypeObject* match_type(Interpreter& interp) {
    return module_state<TypeObject*>(interp, "_regex.Match", [&](TypeObject*& t) {
        t = type_alloc_builtin(interp, "Match", ObjKind::Native, sizeof(MatchObject),
                               interp.types.object, 0);
        t->hdr.type = interp.types.type;
        t->dealloc = match_dealloc;
        t->traverse = [](Object*, VisitFn, void*) {};  // untracked: see the top of the file
        t->repr = match_repr;
        t->getitem = match_getitem;
        type_add_methods(interp, t, kMatchMethods);
        type_add_getsets(interp, t, kMatchGetSets);
        Ref mod(interp.intern("re"));
        type_set_attr_cstr(interp, t, "__module__", *mod);
        type_ready(interp, t);
    });
}

Value make_match(ThreadState& ts, Value program, Value pattern, const Subject& s, int64_t pos,
                 int64_t endpos, const MatchResult& r) {
    TypeObject* t = match_type(ts.interp());
    auto* slots = static_cast<int64_t*>(std::malloc(r.slots.size() * sizeof(int64_t)));
    Object* o = slots ? alloc_object(t, t->basicsize) : nullptr;
    if (!o) {
        std::free(slots);
        return raise_memory_error(ts);
    }
    auto* m = reinterpret_cast<MatchObject*>(o);
    std::copy(r.slots.begin(), r.slots.end(), slots);
    m->slots = slots;
    m->pattern = new_ref(pattern);
    m->program = new_ref(program);
    m->string = new_ref(s.value);
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = r.lastindex;
    m->groups = int(r.slots.size() / 2) - 1;
    return Value::object(o);
}

}  // namespace gilt::regex
