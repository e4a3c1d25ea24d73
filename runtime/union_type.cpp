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
