// _contextvars: ContextVar, Token, Context and copy_context (PEP 567), the
// native half of stdlib/lib/contextvars.py.
//
// A Context maps ContextVar objects to values. Each thread runs in one
// context, kept on its ThreadState (`ts.context`, made empty on first use:
// a new thread starts in a new empty context, as in CPython). Context.run
// swaps that pointer in and out, so entering a context costs two stores;
// asyncio runs every step of a task that way.
//
// copy_context() must be cheap too (every task copies the context when it
// is created). CPython shares an immutable HAMT between copies; here the
// copies share one dict, copied on write: ContextVar.set and reset copy the
// current context's dict first when anything else holds a reference to it
// (another Context, an iterator), so a shared dict is never changed.
//
// Messages are CPython 3.11's (Python/context.c).
#include "stdlib/contextvars.hpp"

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

struct ContextObject {
    Object hdr;
    Value vars;  // dict {ContextVar: value}, possibly shared with copies (owned)
    Value prev;  // while entered: the context Context.run replaced (owned, may be null)
    bool entered;
};

struct ContextVarObject {
    Object hdr;
    Value name;      // str (owned)
    Value fallback;  // the default= value, or null (owned)
    // The last value found, as CPython's ContextVar caches it: good while
    // the current context's vars dict is the same dict at the same version.
    // Dict versions come from one counter per interpreter, so a later dict
    // at the same address cannot show the same version unless it is a copy
    // of this one, which holds the same (live) value.
    const DictObject* cached_vars;
    uint64_t cached_version;
    Value cached_value;  // borrowed from that dict
};

struct TokenObject {
    Object hdr;
    Value ctx;        // the Context the token was made in (owned)
    Value var;        // the ContextVar (owned)
    Value old_value;  // the value before set(), or null for Token.MISSING (owned)
    bool used;
};

// Per interpreter: the three types and the Token.MISSING marker (owned by
// Token's type dict; borrowed here).
struct ContextTypes {
    TypeObject* context;
    TypeObject* var;
    TypeObject* token;
    Value missing;
};

ContextTypes& context_types(Interpreter& interp);

ContextObject* ctx_obj(Value v) {
    return reinterpret_cast<ContextObject*>(v.as_object());
}
ContextVarObject* var_obj(Value v) {
    return reinterpret_cast<ContextVarObject*>(v.as_object());
}
TokenObject* token_obj(Value v) {
    return reinterpret_cast<TokenObject*>(v.as_object());
}

Value new_context(ThreadState& ts, Value vars) {
    auto* c = alloc_gc<ContextObject>(context_types(ts.interp()).context);
    if (!c) return raise_memory_error(ts);
    c->vars = vars.is_null() ? dict_new(ts) : new_ref(vars);
    if (c->vars.is_null()) {
        decref(val(c));
        return Value();
    }
    return val(c);
}

// The calling thread's context (borrowed), made on first use.
Value current_context(ThreadState& ts) {
    if (ts.context.is_null()) ts.context = new_context(ts, Value());
    return ts.context;
}

// The current context's dict, made private to it first (copy on write).
Value writable_vars(ThreadState& ts) {
    Value ctx = current_context(ts);
    if (ctx.is_null()) return Value();
    ContextObject* c = ctx_obj(ctx);
    if (c->vars.as_object()->refcnt > 1) {
        Value copy = dict_copy(ts, c->vars);
        if (copy.is_null()) return Value();
        set_ref(c->vars, copy);
    }
    return c->vars;
}

bool check_var(ThreadState& ts, Value key) {
    if (type_of(ts, key) == context_types(ts.interp()).var) return true;
    Ref r(obj_repr(ts, key));
    if (r)
        raise_fmt(ts, ts.exc_types().TypeError, "a ContextVar key was expected, got {}",
                  str_view(*r));
    return false;
}

Value class_getitem(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__class_getitem__", 1, 1)) return Value();
    return call2(ts, val(ts.types().generic_alias), args[0], args[1]);
}

// ---------------- Context ----------------

Value ctx_new(ThreadState& ts, TypeObject*, Args args) {
    if (args.n || args.kw_count())
        return raise(ts, ts.exc_types().TypeError, "Context() does not accept any arguments");
    return new_context(ts, Value());
}

Value ctx_run(ThreadState& ts, Args args) {
    if (args.n < 2) {
        return raise(ts, ts.exc_types().TypeError, "run() missing 1 required positional argument");
    }
    return context_run(ts, args[0], args[1], Args{args.v + 2, args.n - 2, args.kwnames});
}

Value ctx_copy(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "copy", 0, 0)) return Value();
    return new_context(ts, ctx_obj(args[0])->vars);
}

Value ctx_get(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "get", 1, 2)) return Value();
    if (!check_var(ts, args[1])) return Value();
    bool error = false;
    Value v = dict_get(ts, ctx_obj(args[0])->vars, args[1], &error);
    if (error) return Value();
    if (!v.is_null()) return new_ref(v);
    return new_ref(args.n > 2 ? args[2] : Value::none());
}

Value ctx_getitem(ThreadState& ts, Value self, Value key) {
    if (!check_var(ts, key)) return Value();
    bool error = false;
    Value v = dict_get(ts, ctx_obj(self)->vars, key, &error);
    if (error) return Value();
    if (v.is_null()) return raise_key_error(ts, key);
    return new_ref(v);
}

int ctx_contains(ThreadState& ts, Value self, Value key) {
    if (!check_var(ts, key)) return -1;
    bool error = false;
    Value v = dict_get(ts, ctx_obj(self)->vars, key, &error);
    return error ? -1 : !v.is_null();
}

int64_t ctx_len(ThreadState&, Value self) {
    return static_cast<int64_t>(dict_size(ctx_obj(self)->vars));
}

// Two contexts are equal when they hold the same variables and values; a
// Context is unhashable, as in CPython.
Value ctx_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    TypeObject* t = context_types(ts.interp()).context;
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(ts, b) != t)
        return Value::not_implemented();
    return rich_compare(ts, ctx_obj(a)->vars, ctx_obj(b)->vars, op);
}

Value ctx_iter(ThreadState& ts, Value self) {
    return obj_iter(ts, ctx_obj(self)->vars);
}

// keys(), values(), items(): lists (CPython returns views of its HAMT).
Value ctx_listing(ThreadState& ts, Args args, const char* name) {
    if (!check_nargs(ts, args.drop_first(), name, 0, 0)) return Value();
    Ref method(ts.interp().intern(name));
    Ref m(method ? call_method(ts, ctx_obj(args[0])->vars, *method, {}) : Value());
    return m ? list_from_iterable(ts, *m) : Value();
}
Value ctx_keys(ThreadState& ts, Args args) {
    return ctx_listing(ts, args, "keys");
}
Value ctx_values(ThreadState& ts, Args args) {
    return ctx_listing(ts, args, "values");
}
Value ctx_items(ThreadState& ts, Args args) {
    return ctx_listing(ts, args, "items");
}

constexpr MethodDef kContextMethods[] = {
    {"run", ctx_run},   {"copy", ctx_copy},     {"get", ctx_get},
    {"keys", ctx_keys}, {"values", ctx_values}, {"items", ctx_items},
};

void ctx_traverse(Object* o, VisitFn visit, void* arg) {
    auto* c = reinterpret_cast<ContextObject*>(o);
    if (!c->vars.is_null()) visit(c->vars, arg);
    if (!c->prev.is_null()) visit(c->prev, arg);
}
void ctx_clear(Object* o) {
    auto* c = reinterpret_cast<ContextObject*>(o);
    clear_ref(c->vars);
    clear_ref(c->prev);
}
void ctx_dealloc(Object* o) {
    ctx_clear(o);
    free_object(o);
}

// ---------------- ContextVar ----------------

Value var_new(ThreadState& ts, TypeObject* type, Args args) {
    Value name, fallback;
    if (!parse_args(ts, args, "ContextVar", {"name", "|", "$default"}, {&name, &fallback}))
        return Value();
    if (!is_str(ts, name))
        return raise(ts, ts.exc_types().TypeError, "context variable name must be a str");
    auto* v = alloc_gc<ContextVarObject>(type);
    if (!v) return raise_memory_error(ts);
    v->name = new_ref(name);
    v->fallback = new_ref(fallback);
    v->cached_vars = nullptr;
    v->cached_version = 0;
    v->cached_value = Value();
    return val(v);
}

Value var_get(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "get", 0, 1)) return Value();
    Value self = args[0];
    Value v = context_var_lookup(ts, self);
    if (!v.is_null()) return new_ref(v);
    if (args.n > 1) return new_ref(args[1]);
    Value fallback = var_obj(self)->fallback;
    if (!fallback.is_null()) return new_ref(fallback);
    Ref exc(call1(ts, val(ts.exc_types().LookupError), self));
    return exc ? raise_instance(ts, exc.release()) : Value();
}

}  // namespace

Value context_var_lookup(ThreadState& ts, Value var) {
    if (ts.context.is_null()) return Value();
    Value vars = ctx_obj(ts.context)->vars;
    auto* d = reinterpret_cast<const DictObject*>(vars.as_object());
    ContextVarObject* cv = var_obj(var);
    if (cv->cached_vars == d && cv->cached_version == d->version && d->version != 0)
        return cv->cached_value;
    bool error = false;
    Value v = dict_get(ts, vars, var, &error);
    if (error) {  // a ContextVar hashes by identity: a lookup cannot fail
        clear_exception(ts);
        return Value();
    }
    if (!v.is_null()) {
        cv->cached_vars = d;
        cv->cached_version = d->version;
        cv->cached_value = v;
    }
    return v;
}

namespace {

Value var_set(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "set", 1, 1)) return Value();
    Value self = args[0];
    Value vars = writable_vars(ts);
    if (vars.is_null()) return Value();
    bool error = false;
    Value old = dict_get(ts, vars, self, &error);
    if (error) return Value();
    auto* t = alloc_gc<TokenObject>(context_types(ts.interp()).token);
    if (!t) return raise_memory_error(ts);
    Ref token(val(t));
    t->ctx = new_ref(ts.context);
    t->var = new_ref(self);
    t->old_value = new_ref(old);
    if (!dict_set(ts, vars, self, args[1])) return Value();
    return token.release();
}

// "<Token ...> has already been used once" and the other misuse messages.
Value token_error(ThreadState& ts, TypeObject* type, Value token, const char* what) {
    Ref r(obj_repr(ts, token));
    if (!r) return Value();
    return raise_fmt(ts, type, "{} {}", str_view(*r), what);
}

Value var_reset(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "reset", 1, 1)) return Value();
    Value self = args[0], token = args[1];
    if (type_of(ts, token) != context_types(ts.interp()).token) {
        Ref r(obj_repr(ts, token));
        if (!r) return Value();
        return raise_fmt(ts, ts.exc_types().TypeError, "expected an instance of Token, got {}",
                         str_view(*r));
    }
    TokenObject* t = token_obj(token);
    if (t->used)
        return token_error(ts, ts.exc_types().RuntimeError, token, "has already been used once");
    if (t->var != self)
        return token_error(ts, ts.exc_types().ValueError, token,
                           "was created by a different ContextVar");
    if (t->ctx != current_context(ts))
        return token_error(ts, ts.exc_types().ValueError, token,
                           "was created in a different Context");
    t->used = true;
    Value vars = writable_vars(ts);
    if (vars.is_null()) return Value();
    if (t->old_value.is_null()) return dict_del(ts, vars, self) < 0 ? Value() : Value::none();
    return dict_set(ts, vars, self, t->old_value) ? Value::none() : Value();
}

Value var_repr(ThreadState& ts, Value self) {
    ContextVarObject* v = var_obj(self);
    Ref name(obj_repr(ts, v->name));
    if (!name) return Value();
    std::string text = fmt::format("<ContextVar name={}", str_view(*name));
    if (!v->fallback.is_null()) {
        Ref d(obj_repr(ts, v->fallback));
        if (!d) return Value();
        text += fmt::format(" default={}", str_view(*d));
    }
    return make_str(ts, fmt::format("{} at {}>", text, static_cast<const void*>(v)));
}

Value var_get_name(ThreadState&, Value self) {
    return new_ref(var_obj(self)->name);
}

constexpr MethodDef kVarMethods[] = {
    {"get", var_get},
    {"set", var_set},
    {"reset", var_reset},
    {"__class_getitem__", class_getitem, kMethodClass},
};
constexpr GetSetDef kVarGetSets[] = {{"name", var_get_name}};

void var_traverse(Object* o, VisitFn visit, void* arg) {
    auto* v = reinterpret_cast<ContextVarObject*>(o);
    if (!v->name.is_null()) visit(v->name, arg);
    if (!v->fallback.is_null()) visit(v->fallback, arg);
}
void var_clear(Object* o) {
    auto* v = reinterpret_cast<ContextVarObject*>(o);
    clear_ref(v->name);
    clear_ref(v->fallback);
}
void var_dealloc(Object* o) {
    var_clear(o);
    free_object(o);
}

// ---------------- Token ----------------

Value token_new(ThreadState& ts, TypeObject*, Args) {
    return raise(ts, ts.exc_types().RuntimeError, "Tokens can only be created by ContextVars");
}

Value token_repr(ThreadState& ts, Value self) {
    TokenObject* t = token_obj(self);
    Ref var(obj_repr(ts, t->var));
    if (!var) return Value();
    return make_str(ts, fmt::format("<Token{} var={} at {}>", t->used ? " used" : "",
                                    str_view(*var), static_cast<const void*>(t)));
}

Value token_get_var(ThreadState&, Value self) {
    return new_ref(token_obj(self)->var);
}

Value token_get_old_value(ThreadState& ts, Value self) {
    Value old = token_obj(self)->old_value;
    return new_ref(old.is_null() ? context_types(ts.interp()).missing : old);
}

constexpr MethodDef kTokenMethods[] = {{"__class_getitem__", class_getitem, kMethodClass}};
constexpr GetSetDef kTokenGetSets[] = {
    {"var", token_get_var},
    {"old_value", token_get_old_value},
};

void token_traverse(Object* o, VisitFn visit, void* arg) {
    auto* t = reinterpret_cast<TokenObject*>(o);
    for (Value v : {t->ctx, t->var, t->old_value})
        if (!v.is_null()) visit(v, arg);
}
void token_clear(Object* o) {
    auto* t = reinterpret_cast<TokenObject*>(o);
    clear_ref(t->ctx);
    clear_ref(t->var);
    clear_ref(t->old_value);
}
void token_dealloc(Object* o) {
    token_clear(o);
    free_object(o);
}

Value missing_repr(ThreadState& ts, Value) {
    return make_str(ts, "<Token.MISSING>");
}

// ---------------- the types ----------------

// `full` is the dotted name CPython's messages use ("type
// '_contextvars.Context' is not subscriptable"); __name__ is the last part.
TypeObject* new_type(Interpreter& interp, const char* full, uint32_t size, bool gc) {
    TypeObject* t = type_alloc_builtin(interp, full, ObjKind::Native, size, interp.types.object,
                                       gc ? uint32_t{kTypeHasGc} : 0u);
    t->hdr.type = interp.types.type;
    std::string_view name = full;
    t->name = interp.intern(name.substr(name.rfind('.') + 1));
    Ref mod(interp.intern("_contextvars"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    return t;
}

void make_types(Interpreter& interp, ContextTypes* types) {
    TypeObject* c = new_type(interp, "_contextvars.Context", sizeof(ContextObject), true);
    c->new_ = ctx_new;
    c->dealloc = ctx_dealloc;
    c->traverse = ctx_traverse;
    c->clear = ctx_clear;
    c->getitem = ctx_getitem;
    c->contains = ctx_contains;
    c->len = ctx_len;
    c->iter = ctx_iter;
    c->richcompare = ctx_richcompare;
    c->hash = hash_not_implemented;
    type_add_methods(interp, c, kContextMethods);
    type_ready(interp, c);
    TypeObject* v = new_type(interp, "_contextvars.ContextVar", sizeof(ContextVarObject), true);
    v->new_ = var_new;
    v->dealloc = var_dealloc;
    v->traverse = var_traverse;
    v->clear = var_clear;
    v->repr = var_repr;
    type_add_methods(interp, v, kVarMethods);
    type_add_getsets(interp, v, kVarGetSets);
    type_ready(interp, v);
    TypeObject* t = new_type(interp, "_contextvars.Token", sizeof(TokenObject), true);
    t->new_ = token_new;
    t->dealloc = token_dealloc;
    t->traverse = token_traverse;
    t->clear = token_clear;
    t->repr = token_repr;
    type_add_methods(interp, t, kTokenMethods);
    type_add_getsets(interp, t, kTokenGetSets);
    type_ready(interp, t);
    // type(Token.MISSING) is <class 'Token.MISSING'>, as in CPython.
    TypeObject* m = type_alloc_builtin(interp, "Token.MISSING", ObjKind::Native, sizeof(Object),
                                       interp.types.object, 0);
    m->hdr.type = interp.types.type;
    m->name = interp.intern("MISSING");
    m->qualname = interp.intern("Token.MISSING");
    m->repr = missing_repr;
    m->dealloc = free_object;
    type_ready(interp, m);
    Ref missing(val(alloc<Object>(m)));
    type_set_attr_cstr(interp, t, "MISSING", *missing);
    *types = {c, v, t, *missing};
}

ContextTypes& context_types(Interpreter& interp) {
    return module_state<ContextTypes>(interp, "_contextvars",
                                      [&](ContextTypes& types) { make_types(interp, &types); });
}

Value copy_context(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "copy_context", 0, 0)) return Value();
    return context_copy_current(ts);
}

constexpr MethodDef kContextFunctions[] = {{"copy_context", copy_context}};

}  // namespace

bool is_context(ThreadState& ts, Value v) {
    return type_of(ts, v) == context_types(ts.interp()).context;
}

Value context_copy_current(ThreadState& ts) {
    Value cur = current_context(ts);
    return cur.is_null() ? Value() : new_context(ts, ctx_obj(cur)->vars);
}

// Entering is two pointer swaps: the thread's current context and the
// context's record of the one it replaced.
bool context_enter(ThreadState& ts, Value ctx) {
    ContextObject* c = ctx_obj(ctx);
    if (c->entered) {
        Ref r(obj_repr(ts, ctx));
        if (!r) return false;
        raise_fmt(ts, ts.exc_types().RuntimeError, "cannot enter context: {} is already entered",
                  str_view(*r));
        return false;
    }
    c->entered = true;
    c->prev = std::exchange(ts.context, new_ref(ctx));
    return true;
}

void context_exit(ThreadState& ts, Value ctx) {
    ContextObject* c = ctx_obj(ctx);
    decref(std::exchange(ts.context, std::exchange(c->prev, Value())));
    c->entered = false;
}

Value context_run(ThreadState& ts, Value ctx, Value callable, Args args) {
    if (!context_enter(ts, ctx)) return Value();
    Value result = obj_call(ts, callable, args);
    context_exit(ts, ctx);
    return result;
}

Value init_contextvars_module(ThreadState& ts) {
    ContextTypes& types = context_types(ts.interp());
    Ref m(module_new(ts, "_contextvars"));
    if (!m || !module_add_functions(ts, *m, kContextFunctions) ||
        !module_add_value(ts, *m, "Context", val(types.context)) ||
        !module_add_value(ts, *m, "ContextVar", val(types.var)) ||
        !module_add_value(ts, *m, "Token", val(types.token))) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
