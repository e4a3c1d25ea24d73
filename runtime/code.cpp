// Code objects (see code.hpp).
#include "runtime/code.hpp"

#include <new>

#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"

namespace gilt {

int CodeObject::line_at(uint32_t pc) const {
    int line = firstlineno;
    for (const LineEntry& e : lines) {
        if (e.start > pc) break;
        line = e.line;
    }
    return line;
}

CodeObject* code_new(ThreadState& ts) {
    Object* o = alloc_object(ts.types().code, sizeof(CodeObject));
    if (!o) return nullptr;
    auto* c = reinterpret_cast<CodeObject*>(o);
    Object hdr = c->hdr;
    new (c) CodeObject();
    c->hdr = hdr;
    return c;
}

std::string code_filename(Value code) {
    CodeObject* c = code_obj(code);
    return c->filename.is_null() ? std::string("<unknown>") : std::string(str_view(c->filename));
}

std::string code_name(Value code) {
    CodeObject* c = code_obj(code);
    return c->name.is_null() ? std::string("?") : std::string(str_view(c->name));
}

namespace {

void code_dealloc(Object* o) {
    auto* c = reinterpret_cast<CodeObject*>(o);
    for (Value v : c->consts) decref(v);
    for (Value v : c->names) decref(v);
    for (Value v : c->varnames) decref(v);
    for (Value v : c->cellvars) decref(v);
    for (Value v : c->freevars) decref(v);
    decref(c->name);
    decref(c->qualname);
    decref(c->filename);
    c->~CodeObject();
    free_object(o);
}

Value code_repr(ThreadState& ts, Value self) {
    CodeObject* c = code_obj(self);
    return make_str(ts,
                    fmt::format("<code object {} at {}, file \"{}\", line {}>", code_name(self),
                                static_cast<const void*>(c), code_filename(self), c->firstlineno));
}

Value code_get_name(ThreadState&, Value self) {
    return new_ref(code_obj(self)->name);
}
Value code_get_filename(ThreadState&, Value self) {
    return new_ref(code_obj(self)->filename);
}
Value code_get_firstlineno(ThreadState& ts, Value self) {
    return Value::small_int(code_obj(self)->firstlineno);
    (void)ts;
}
Value code_get_argcount(ThreadState&, Value self) {
    return Value::small_int(code_obj(self)->argcount);
}
Value code_get_flags(ThreadState&, Value self) {
    return Value::small_int(code_obj(self)->flags & ~kCodeStdlib);  // gilt's own bit
}

constexpr GetSetDef kCodeGetSets[] = {
    {"co_name", code_get_name},
    {"co_filename", code_get_filename},
    {"co_firstlineno", code_get_firstlineno},
    {"co_argcount", code_get_argcount},
    {"co_flags", code_get_flags},
};

}  // namespace

void define_code_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Code;
    t->basicsize = sizeof(CodeObject);
    t->dealloc = code_dealloc;
    t->repr = code_repr;
    type_add_getsets(interp, t, kCodeGetSets);
}

}  // namespace gilt
