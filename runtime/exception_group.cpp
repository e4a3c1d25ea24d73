// BaseExceptionGroup / ExceptionGroup and the runtime half of `except*`.
// The behaviour is CPython 3.11's (Objects/exceptions.c, BaseExceptionGroup_*
// and _PyExc_PrepReraiseStar; Python/ceval.c exception_group_match); the
// messages are CPython's. See exception_group.hpp for the overview.
//
// Which class a new group gets: BaseExceptionGroup(msg, excs) is really an
// ExceptionGroup when every leaf of `excs` is an Exception; ExceptionGroup
// refuses a BaseException leaf, and so does a user subclass of Exception.
//
// The group's two fields (message, exceptions) are "extra" fields of
// exception.cpp's layout, so its one traverse/clear/dealloc serves groups
// too; only the slots and the methods are here.
#include "runtime/exception_group.hpp"

#include <unordered_set>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception_kinds.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

BaseExceptionGroupObject* group_obj(Value v) noexcept {
    return reinterpret_cast<BaseExceptionGroupObject*>(v.as_object());
}

Value eg_derive(ThreadState& ts, Args args);
Value eg_split(ThreadState& ts, Args args);
Value eg_subgroup(ThreadState& ts, Args args);
Value eg_class_getitem(ThreadState& ts, Args args);
Value eg_get_message(ThreadState& ts, Value self);
Value eg_get_exceptions(ThreadState& ts, Value self);

constexpr MethodDef kGroupMethods[] = {
    {"derive", eg_derive},
    {"split", eg_split},
    {"subgroup", eg_subgroup},
    {"__class_getitem__", eg_class_getitem, kMethodClass},
};

constexpr GetSetDef kGroupGetSets[] = {
    {"message", eg_get_message},
    {"exceptions", eg_get_exceptions},
};

// --- construction ---

// The class the new group gets, or null with TypeError pending.
TypeObject* group_class(ThreadState& ts, TypeObject* type, bool has_base_leaf) {
    const ExceptionTypes& x = ts.exc_types();
    if (type == x.ExceptionGroup) {
        if (has_base_leaf) {
            raise(ts, x.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            return nullptr;
        }
        return type;
    }
    if (type == x.BaseExceptionGroup) return has_base_leaf ? type : x.ExceptionGroup;
    if (has_base_leaf && type_is_subtype(type, x.Exception)) {
        raise_fmt(ts, x.TypeError, "Cannot nest BaseExceptions in '{}'", type->name_cstr);
        return nullptr;
    }
    return type;
}

// The exceptions argument as a tuple of exception instances; null with
// CPython's TypeError / ValueError pending.
Value checked_exceptions(ThreadState& ts, Value excs, bool* has_base_leaf) {
    TypeObject* et = type_of(ts, excs);
    if (!et->getitem || is_dict(ts, excs)) {
        return raise(ts, ts.exc_types().TypeError,
                     "second argument (exceptions) must be a sequence");
    }
    Ref items(tuple_from_iterable(ts, excs));
    if (!items) return Value();
    uint64_t n = tuple_size(*items);
    if (n == 0) {
        return raise(ts, ts.exc_types().ValueError,
                     "second argument (exceptions) must be a non-empty sequence");
    }
    *has_base_leaf = false;
    for (uint64_t i = 0; i < n; ++i) {
        Value e = tuple_item(*items, i);
        if (!is_exception_instance(ts, e)) {
            return raise_fmt(ts, ts.exc_types().ValueError,
                             "Item {} of second argument (exceptions) is not an exception", i);
        }
        if (!type_is_subtype(type_of_object(e), ts.exc_types().Exception)) *has_base_leaf = true;
    }
    return items.release();
}

Value eg_new(ThreadState& ts, TypeObject* type, Args args) {
    if (!no_kwargs(ts, args, type->name_cstr)) return Value();
    if (args.n != 2) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                         args.n);
    }
    if (!is_str(ts, args[0])) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                         type_name(ts, args[0]));
    }
    bool has_base_leaf = false;
    Ref excs(checked_exceptions(ts, args[1], &has_base_leaf));
    if (!excs) return Value();
    TypeObject* cls = group_class(ts, type, has_base_leaf);
    if (!cls) return Value();
    Ref self(exception_base_new(ts, cls, args));
    if (!self) return Value();
    BaseExceptionGroupObject* g = group_obj(*self);
    g->msg = new_ref(args[0]);
    g->excs = excs.release();
    return self.release();
}

int eg_init(ThreadState& ts, Value self, Args args) {
    if (!no_kwargs(ts, args, type_of_object(self)->name_cstr)) return -1;
    return exception_store_args(ts, self, args) ? 0 : -1;
}

Value eg_str(ThreadState& ts, Value self) {
    BaseExceptionGroupObject* g = group_obj(self);
    uint64_t n = g->excs.is_null() ? 0 : tuple_size(g->excs);
    std::string_view msg = g->msg.is_null() ? std::string_view() : str_view(g->msg);
    return make_str(ts, fmt::format("{} ({} sub-exception{})", msg, n, n > 1 ? "s" : ""));
}

Value eg_get_message(ThreadState&, Value self) {
    Value m = group_obj(self)->msg;
    return m.is_null() ? Value::none() : new_ref(m);
}

Value eg_get_exceptions(ThreadState&, Value self) {
    Value e = group_obj(self)->excs;
    return e.is_null() ? Value::none() : new_ref(e);
}

Value eg_derive(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "derive", 1, 1)) return Value();
    Value msg = group_obj(args[0])->msg;
    return call2(ts, val(ts.exc_types().BaseExceptionGroup), msg, args[1]);
}

Value eg_class_getitem(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__class_getitem__", 1, 1)) return Value();
    Value alias = val(ts.types().generic_alias);
    return call2(ts, alias, args[0], args[1]);
}

// --- split and subgroup ---

enum class MatchBy { Type, Predicate, Identity };

struct Matcher {
    MatchBy by;
    Value value;                                  // the type(s) or the predicate
    const std::unordered_set<Object*>* leaves{};  // MatchBy::Identity
};

bool make_matcher(ThreadState& ts, Value value, Matcher* m) {
    bool is_type = value.is_object() && value.as_object()->kind == ObjKind::Type;
    if (!is_type && type_of(ts, value)->call) {
        *m = {MatchBy::Predicate, value};
        return true;
    }
    bool ok = is_exception_type(ts, value);
    if (!ok && is_exact_tuple(ts, value)) {
        ok = true;
        for (uint64_t i = 0; i < tuple_size(value); ++i)
            ok = ok && is_exception_type(ts, tuple_item(value, i));
    }
    if (!ok) {
        raise(ts, ts.exc_types().TypeError,
              "expected a function, exception type or tuple of exception types");
        return false;
    }
    *m = {MatchBy::Type, value};
    return true;
}

// 1 when `exc` (a leaf or a whole group) matches, 0 if not, -1 on error.
int matches(ThreadState& ts, Value exc, const Matcher& m) {
    switch (m.by) {
        case MatchBy::Type:
            return exception_matches_spec(ts, exc, m.value);
        case MatchBy::Predicate: {
            Ref r(call1(ts, m.value, exc));
            return r ? obj_truthy(ts, *r) : -1;
        }
        case MatchBy::Identity:
            return m.leaves->count(exc.as_object()) ? 1 : 0;
    }
    return 0;
}

// A new group holding `excs` (a list, possibly empty: then *out stays
// null), made by orig.derive() and given orig's traceback, cause, context
// and a copy of its notes (exceptiongroup_subset).
bool derive_subset(ThreadState& ts, Value orig, Value excs, Ref* out) {
    if (list_size(excs) == 0) return true;
    Ref derive(ts.interp().intern("derive"));
    if (!derive) return false;
    Ref eg(call_method(ts, orig, *derive, {excs}));
    if (!eg) return false;
    if (!is_exception_group(ts, *eg)) {
        raise(ts, ts.exc_types().TypeError, "derive must return an instance of BaseExceptionGroup");
        return false;
    }
    ExceptionObject* o = exc_obj(orig);
    exception_set_traceback(*eg, o->traceback.is_null() ? Value::none() : o->traceback);
    exception_set_context(*eg, o->context.is_null() ? Value::none() : o->context);
    exception_set_cause(*eg, o->cause.is_null() ? Value::none() : o->cause);
    Ref name(ts.interp().intern("__notes__"));
    if (!name) return false;
    Ref notes(obj_getattr_opt(ts, orig, *name));
    if (!notes) {
        if (ts.has_exception()) return false;
    } else if (type_of(ts, *notes)->getitem && !is_dict(ts, *notes)) {
        Ref copy(list_from_iterable(ts, *notes));
        if (!copy || obj_setattr(ts, *eg, *name, *copy) < 0) return false;
    }
    *out = std::move(eg);
    return true;
}

struct SplitResult {
    Ref match, rest;
};

// exceptiongroup_split_recursive: `rest` is built only when wanted.
bool split_recursive(ThreadState& ts, Value exc, const Matcher& m, bool want_rest,
                     SplitResult* out) {
    int r = matches(ts, exc, m);
    if (r < 0) return false;
    if (r) {
        out->match = Ref::borrow(exc);
        return true;
    }
    if (!is_exception_group(ts, exc)) {
        if (want_rest) out->rest = Ref::borrow(exc);
        return true;
    }
    Ref match_list(list_new(ts));
    Ref rest_list(want_rest ? list_new(ts) : Value());
    if (!match_list || (want_rest && !rest_list)) return false;
    Ref excs = Ref::borrow(group_obj(exc)->excs);
    for (uint64_t i = 0; i < tuple_size(*excs); ++i) {
        SplitResult part;
        if (!enter_native_call(ts)) return false;
        bool ok = split_recursive(ts, tuple_item(*excs, i), m, want_rest, &part);
        leave_native_call(ts);
        if (!ok) return false;
        if (part.match && !list_append(ts, *match_list, *part.match)) return false;
        if (part.rest && !list_append(ts, *rest_list, *part.rest)) return false;
    }
    if (!derive_subset(ts, exc, *match_list, &out->match)) return false;
    return !want_rest || derive_subset(ts, exc, *rest_list, &out->rest);
}

Value none_if_null(const Ref& r) {
    return r ? new_ref(*r) : Value::none();
}

Value eg_split(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "split", 1, 1)) return Value();
    Matcher m;
    SplitResult res;
    if (!make_matcher(ts, args[1], &m) || !split_recursive(ts, args[0], m, true, &res))
        return Value();
    Ref match(none_if_null(res.match));
    Ref rest(none_if_null(res.rest));
    return tuple_pack(ts, {*match, *rest});
}

Value eg_subgroup(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "subgroup", 1, 1)) return Value();
    Matcher m;
    SplitResult res;
    if (!make_matcher(ts, args[1], &m) || !split_recursive(ts, args[0], m, false, &res))
        return Value();
    return none_if_null(res.match);
}

// --- except* ---

// Adds the leaves of `exc` (the exceptions that are not groups) to `out`.
bool collect_leaves(ThreadState& ts, Value exc, std::unordered_set<Object*>* out) {
    if (exc.is_none()) return true;
    if (!is_exception_group(ts, exc)) {
        out->insert(exc.as_object());
        return true;
    }
    Value excs = group_obj(exc)->excs;
    if (!enter_native_call(ts)) return false;
    bool ok = true;
    for (uint64_t i = 0; ok && i < tuple_size(excs); ++i)
        ok = collect_leaves(ts, tuple_item(excs, i), out);
    leave_native_call(ts);
    return ok;
}

// An exception re-raised from a clause (bare `raise`, or the unhandled
// rest) still has the metadata split() copied from the original group.
bool same_metadata(Value a, Value b) {
    ExceptionObject* x = exc_obj(a);
    ExceptionObject* y = exc_obj(b);
    return x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

// The part of `orig` whose leaves are among the leaves of `keep`, in
// orig's shape (exception_group_projection); *out stays null if none.
bool project(ThreadState& ts, Value orig, const std::vector<Value>& keep, Ref* out) {
    if (keep.empty()) return true;
    std::unordered_set<Object*> leaves;
    for (Value e : keep)
        if (!collect_leaves(ts, e, &leaves)) return false;
    Matcher m{MatchBy::Identity, Value(), &leaves};
    SplitResult res;
    if (!split_recursive(ts, orig, m, false, &res)) return false;
    *out = std::move(res.match);
    return true;
}

}  // namespace

bool is_exception_group(ThreadState& ts, Value v) noexcept {
    return v.is_object() && type_is_subtype(type_of_object(v), ts.exc_types().BaseExceptionGroup);
}

Value exception_group_make(ThreadState& ts, std::string_view msg, Value excs) {
    Ref m(make_str(ts, msg));
    if (!m) return Value();
    return call2(ts, val(ts.exc_types().BaseExceptionGroup), *m, excs);
}

int check_except_star_type(ThreadState& ts, Value spec) {
    auto bad_group = [&](Value t) {
        return is_exception_type(ts, t) &&
               type_is_subtype(reinterpret_cast<TypeObject*>(t.as_object()),
                               ts.exc_types().BaseExceptionGroup);
    };
    bool group = bad_group(spec);
    if (is_exact_tuple(ts, spec))
        for (uint64_t i = 0; i < tuple_size(spec); ++i)
            group = group || bad_group(tuple_item(spec, i));
    if (group) {
        raise(ts, ts.exc_types().TypeError,
              "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return -1;
    }
    return 0;
}

bool exception_group_match(ThreadState& ts, Value exc, Value spec, Value* match, Value* rest) {
    *match = *rest = Value();
    int r = exception_matches_spec(ts, exc, spec);
    if (r < 0) return false;
    if (r) {
        if (is_exception_group(ts, exc)) {
            *match = new_ref(exc);
        } else {
            // A naked exception: wrapped (CPython 3.11 leaves the wrapper
            // without a traceback).
            Ref one(tuple_pack(ts, {exc}));
            *match = one ? exception_group_make(ts, "", *one) : Value();
            if (match->is_null()) return false;
        }
        *rest = Value::none();
        return true;
    }
    if (!is_exception_group(ts, exc)) {
        *match = Value::none();
        *rest = new_ref(exc);
        return true;
    }
    Matcher m{MatchBy::Type, spec};
    SplitResult res;
    if (!split_recursive(ts, exc, m, true, &res)) return false;
    *match = none_if_null(res.match);
    *rest = none_if_null(res.rest);
    return true;
}

Value exception_group_prep_reraise(ThreadState& ts, Value orig, Value raised) {
    uint64_t n = list_size(raised);
    if (!is_exception_group(ts, orig)) {
        // A naked exception: only one clause ran, and the rest is None, so
        // what it raised (or the exception itself, unmatched) goes on.
        return new_ref(n ? list_item(raised, 0) : Value::none());
    }
    std::vector<Value> new_ones, reraised;
    for (uint64_t i = 0; i < n; ++i) {
        Value e = list_item(raised, i);
        if (e.is_none()) continue;
        (same_metadata(e, orig) ? reraised : new_ones).push_back(e);
    }
    Ref kept;
    if (!project(ts, orig, reraised, &kept)) return Value();
    if (new_ones.empty()) return kept ? kept.release() : Value::none();
    Ref all(list_new(ts));
    if (!all) return Value();
    for (Value e : new_ones)
        if (!list_append(ts, *all, e)) return Value();
    if (kept && !list_append(ts, *all, *kept)) return Value();
    if (list_size(*all) == 1) return new_ref(list_item(*all, 0));
    return exception_group_make(ts, "", *all);
}

void setup_base_exception_group(Interpreter& interp, TypeObject* t) {
    t->new_ = eg_new;
    t->init = eg_init;
    t->str = eg_str;
    type_add_methods(interp, t, kGroupMethods);
    type_add_getsets(interp, t, kGroupGetSets);
}

void finish_exception_group_type(Interpreter& interp, TypeObject* group, TypeObject* exception) {
    // ExceptionGroup(BaseExceptionGroup, Exception): the layout is its first
    // base's; Exception adds nothing but its place in the MRO.
    ThreadState& ts = interp.main_thread();
    TypeObject* base = group->base;
    set_ref(group->bases, tuple_pack(ts, {val(base), val(exception)}));
    set_ref(group->mro, tuple_pack(ts, {val(group), val(base), val(exception), val(exception->base),
                                        val(exception->base->base)}));
    group->version = interp.next_type_version++;
}

}  // namespace gilt
