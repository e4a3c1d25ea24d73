// types.UnionType: `X | Y` of classes, None, builtin generic aliases and
// unions (PEP 604), as CPython 3.11's Objects/unionobject.c behaves.
//
// `|` is type's (and GenericAlias's, and the union's own) `or` slot: when
// both operands can be union members it builds a union, otherwise it
// returns NotImplemented so that typing's objects (whose __ror__ builds a
// typing.Union) or the operands' own `|` get their turn. `int | "Tree"` is
// therefore the TypeError of unsupported operands, as in CPython.
//
// Members are flattened (a union inside a union contributes its members),
// None becomes NoneType, duplicates (by ==) are dropped keeping the first,
// and a union of one member is that member itself (`int | int` is int).
#include "runtime/union_type.hpp"

#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/set.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

struct UnionObject {
    Object hdr;
    Value args;        // tuple of the members
    Value parameters;  // tuple, made on first use; null before
};

UnionObject* un(Value v) {
    return reinterpret_cast<UnionObject*>(v.as_object());
}

bool is_type_object(Value v) {
    return v.is_object() && v.as_object()->kind == ObjKind::Type;
}

bool is_generic_alias(ThreadState& ts, Value v) {
    return v.is_object() && v.as_object()->type == ts.types().generic_alias;
}

bool unionable(ThreadState& ts, Value v) {
    return v.is_none() || is_type_object(v) || is_generic_alias(ts, v) || is_union(ts, v);
}

// Appends v's members to `out` unless an equal one is there. false: error.
bool add_members(ThreadState& ts, Value v, std::vector<Ref>& out) {
    if (is_union(ts, v)) {
        Value args = un(v)->args;
        for (uint64_t i = 0; i < tuple_size(args); ++i)
            if (!add_members(ts, tuple_item(args, i), out)) return false;
        return true;
    }
    Value member = v.is_none() ? val(ts.types().none_type) : v;
    for (const Ref& seen : out) {
        int same = rich_compare_bool(ts, *seen, member, CompareOp::Eq);
        if (same < 0) return false;
        if (same) return true;
    }
    out.push_back(Ref::borrow(member));
    return true;
}

Value make_union(ThreadState& ts, Value a, Value b) {
    std::vector<Ref> members;
    if (!add_members(ts, a, members) || !add_members(ts, b, members)) return Value();
    if (members.size() == 1) return new_ref(*members[0]);
    Ref args(tuple_new(ts, members.size()));
    if (!args) return Value();
    for (std::size_t i = 0; i < members.size(); ++i)
        tuple_obj(*args)->items[i] = new_ref(*members[i]);
    auto* u = alloc_gc<UnionObject>(ts.types().union_type);
    if (!u) return raise_memory_error(ts);
    u->args = args.release();
    u->parameters = Value();
    return val(u);
}

Value union_or(ThreadState& ts, Value a, Value b) {
    if (!unionable(ts, a) || !unionable(ts, b)) return Value::not_implemented();
    return make_union(ts, a, b);
}

// A member as the union's repr shows it: NoneType as None, builtin classes
// by name, other classes as module.qualname, anything else by repr().
bool member_repr(ThreadState& ts, Value v, std::string& out) {
    if (v == val(ts.types().none_type)) {
        out += "None";
        return true;
    }
    if (is_type_object(v)) {
        auto* t = reinterpret_cast<TypeObject*>(v.as_object());
        Value mod = type_lookup(t, ts.names().__module__);
        if (!mod.is_null() && is_str(ts, mod) && str_view(mod) != "builtins") {
            out += str_view(mod);
            out += '.';
        }
        out += str_view(t->qualname);
        return true;
    }
    Ref r(obj_repr(ts, v));
    if (!r) return false;
    out += str_view(*r);
    return true;
}

Value union_repr(ThreadState& ts, Value self) {
    std::string out;
    Value args = un(self)->args;
    for (uint64_t i = 0; i < tuple_size(args); ++i) {
        if (i) out += " | ";
        if (!member_repr(ts, tuple_item(args, i), out)) return Value();
    }
    return make_str(ts, out);
}

// Unions are equal when their members are equal as sets.
Value union_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_union(ts, b))
        return Value::not_implemented();
    Ref sa(frozenset_new(ts, un(a)->args));
    if (!sa) return Value();
    Ref sb(frozenset_new(ts, un(b)->args));
    if (!sb) return Value();
    return rich_compare(ts, *sa, *sb, op);
}

bool union_hash(ThreadState& ts, Value self, int64_t* out) {
    Ref s(frozenset_new(ts, un(self)->args));
    return s && obj_hash(ts, *s, out);
}

Value union_get_args(ThreadState&, Value self) {
    return new_ref(un(self)->args);
}

Value union_get_parameters(ThreadState& ts, Value self) {
    UnionObject* u = un(self);
    if (u->parameters.is_null()) {
        u->parameters = make_type_parameters(ts, u->args);
        if (u->parameters.is_null()) return Value();
    }
    return new_ref(u->parameters);
}

bool check_no_generic(ThreadState& ts, Value u, const char* fname) {
    Value args = un(u)->args;
    for (uint64_t i = 0; i < tuple_size(args); ++i) {
        if (is_generic_alias(ts, tuple_item(args, i))) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "{}() argument 2 cannot be a parameterized generic", fname);
            return false;
        }
    }
    return true;
}

Value union_instancecheck_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "__instancecheck__", 2, 2)) return Value();
    int r = union_isinstance(ts, args[1], args[0]);
    return r < 0 ? Value() : Value::boolean(r);
}

Value union_subclasscheck_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "__subclasscheck__", 2, 2)) return Value();
    int r = union_issubclass(ts, args[1], args[0]);
    return r < 0 ? Value() : Value::boolean(r);
}

void union_dealloc(Object* o) {
    clear_ref(reinterpret_cast<UnionObject*>(o)->args);
    clear_ref(reinterpret_cast<UnionObject*>(o)->parameters);
    free_object(o);
}

void union_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* u = reinterpret_cast<UnionObject*>(o);
    if (!u->args.is_null()) visit(u->args, ctx);
    if (!u->parameters.is_null()) visit(u->parameters, ctx);
}

constexpr MethodDef kUnionMethods[] = {
    {"__instancecheck__", union_instancecheck_method},
    {"__subclasscheck__", union_subclasscheck_method},
};

constexpr GetSetDef kUnionGetSets[] = {
    {"__args__", union_get_args},
    {"__parameters__", union_get_parameters},
};

}  // namespace

bool is_union(ThreadState& ts, Value v) noexcept {
    return v.is_object() && v.as_object()->type == ts.types().union_type;
}

Value union_args(Value u) noexcept {
    return un(u)->args;
}

int union_isinstance(ThreadState& ts, Value obj, Value u) {
    if (!check_no_generic(ts, u, "isinstance")) return -1;
    return obj_isinstance(ts, obj, un(u)->args);
}

int union_issubclass(ThreadState& ts, Value cls, Value u) {
    if (!check_no_generic(ts, u, "issubclass")) return -1;
    return obj_issubclass(ts, cls, un(u)->args);
}

Value make_type_parameters(ThreadState& ts, Value args) {
    std::vector<Ref> found;
    auto add = [&](Value p) -> bool {
        for (const Ref& f : found)
            if (*f == p) return true;
        found.push_back(Ref::borrow(p));
        return true;
    };
    Ref subst(make_str(ts, "__typing_subst__"));
    Ref params_name(make_str(ts, "__parameters__"));
    if (!subst || !params_name) return Value();
    for (uint64_t i = 0; i < tuple_size(args); ++i) {
        Value a = tuple_item(args, i);
        if (is_type_object(a)) continue;
        Ref marker(obj_getattr_opt(ts, a, *subst));
        if (!marker && ts.has_exception()) return Value();
        if (marker) {
            add(a);
            continue;
        }
        Ref inner(obj_getattr_opt(ts, a, *params_name));
        if (!inner && ts.has_exception()) return Value();
        if (inner && is_tuple(ts, *inner))
            for (uint64_t k = 0; k < tuple_size(*inner); ++k) add(tuple_item(*inner, k));
    }
    Ref out(tuple_new(ts, found.size()));
    if (!out) return Value();
    for (std::size_t i = 0; i < found.size(); ++i) tuple_obj(*out)->items[i] = new_ref(*found[i]);
    return out.release();
}

namespace {

// The index of `v` among `params`, or -1.
int64_t param_index(Value params, Value v) {
    for (uint64_t i = 0; i < tuple_size(params); ++i)
        if (tuple_item(params, i) == v) return static_cast<int64_t>(i);
    return -1;
}

// One member after substitution: a parameter becomes its item, a member
// with parameters of its own is subscripted with the items of those.
Value substitute_one(ThreadState& ts, Value member, Value params, Value items) {
    int64_t at = param_index(params, member);
    if (at >= 0) return new_ref(tuple_item(items, static_cast<uint64_t>(at)));
    if (is_type_object(member)) return new_ref(member);
    Ref name(make_str(ts, "__parameters__"));
    if (!name) return Value();
    Ref inner(obj_getattr_opt(ts, member, *name));
    if (!inner) return ts.has_exception() ? Value() : new_ref(member);
    if (!is_tuple(ts, *inner) || tuple_size(*inner) == 0) return new_ref(member);
    Ref sub(tuple_new(ts, tuple_size(*inner)));
    if (!sub) return Value();
    for (uint64_t i = 0; i < tuple_size(*inner); ++i) {
        int64_t k = param_index(params, tuple_item(*inner, i));
        Value item = k >= 0 ? tuple_item(items, static_cast<uint64_t>(k)) : tuple_item(*inner, i);
        tuple_obj(*sub)->items[i] = new_ref(item);
    }
    Value key = tuple_size(*sub) == 1 ? tuple_item(*sub, 0) : *sub;
    return obj_getitem(ts, member, key);
}

}  // namespace

Value substitute_type_parameters(ThreadState& ts, Value self, Value args, Value items) {
    Ref params(make_type_parameters(ts, args));
    if (!params) return Value();
    uint64_t wanted = tuple_size(*params);
    if (wanted == 0) {
        Ref shown(obj_repr(ts, self));
        if (!shown) return Value();
        return raise_fmt(ts, ts.exc_types().TypeError, "{} is not a generic class",
                         str_view(*shown));
    }
    Ref given(is_exact_tuple(ts, items) ? new_ref(items) : tuple_pack(ts, {items}));
    if (!given) return Value();
    if (tuple_size(*given) != wanted) {
        Ref shown(obj_repr(ts, self));
        if (!shown) return Value();
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "Too {} arguments for {}; actual {}, expected {}",
                         tuple_size(*given) > wanted ? "many" : "few", str_view(*shown),
                         tuple_size(*given), wanted);
    }
    Ref out(tuple_new(ts, tuple_size(args)));
    if (!out) return Value();
    for (uint64_t i = 0; i < tuple_size(args); ++i) {
        Value v = substitute_one(ts, tuple_item(args, i), *params, *given);
        if (v.is_null()) return Value();
        tuple_obj(*out)->items[i] = v;
    }
    return out.release();
}

namespace {

// (T | list[T])[int]: the members substituted, then joined with | again.
Value union_getitem(ThreadState& ts, Value self, Value items) {
    Ref members(substitute_type_parameters(ts, self, un(self)->args, items));
    if (!members) return Value();
    Ref result(new_ref(tuple_item(*members, 0)));
    for (uint64_t i = 1; i < tuple_size(*members); ++i) {
        result = Ref(binary_op(ts, BinOp::Or, *result, tuple_item(*members, i)));
        if (!result) return Value();
    }
    return result.release();
}

}  // namespace

void define_union_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(UnionObject);
    t->flags |= kTypeHasGc;
    t->flags &= ~kTypeBaseType;
    t->dealloc = union_dealloc;
    t->traverse = union_traverse;
    t->repr = union_repr;
    t->richcompare = union_richcompare;
    t->hash = union_hash;
    t->getitem = union_getitem;
    constexpr int kOr = static_cast<int>(BinOp::Or);
    t->nb[kOr] = union_or;
    interp.types.type->nb[kOr] = union_or;
    interp.types.generic_alias->nb[kOr] = union_or;
    type_add_methods(interp, t, kUnionMethods);
    type_add_getsets(interp, t, kUnionGetSets);
    Ref mod(interp.intern("types"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
}

}  // namespace gilt
