// Type objects: the class of every value, with its slots and its __dict__.
//
// A type is dispatched through two parallel surfaces, as in CPython:
//  - slots: C++ function pointers for the operations the VM performs all the
//    time (call, getattr, getitem, iteration, arithmetic, comparison, ...);
//  - the type's __dict__, which Python code sees (`list.append`, `int.__add__`).
// Builtin types fill their slots and a method table; `type_ready` then exposes
// each filled slot in the dict under its dunder name (a "slot wrapper"), so
// `int.__add__(1, 2)` and `super().__init__()` work without a second
// definition. User classes go the other way: `class_fill_slots` installs, for
// every dunder found along the MRO, a generic slot that looks the dunder up and
// calls it (CPython's slot_tp_* / SLOT1BINFULL).
//
// Every builtin type object belongs to one Interpreter (runtime/interpreter.hpp
// keeps them in BuiltinTypes); nothing here is static, so interpreters never
// share a refcount.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "runtime/object.hpp"

namespace gilt {

class ThreadState;
class Interpreter;
struct TupleObject;
struct DictObject;
struct StrObject;
struct BufferProcs;

// Arguments of a call, vectorcall style: `n` positional values followed by
// one value per keyword name in `kwnames` (a tuple of str, or null). The
// values are borrowed.
struct Args {
    const Value* v = nullptr;
    uint32_t n = 0;
    TupleObject* kwnames = nullptr;

    uint32_t kw_count() const noexcept;
    Value operator[](uint32_t i) const noexcept { return v[i]; }
    Args drop_first() const noexcept { return Args{v + 1, n - 1, kwnames}; }
};

using NativeFn = Value (*)(ThreadState& ts, Args args);

enum class BinOp : uint8_t {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
};
inline constexpr int kBinOpCount = 13;
enum class UnaryOp : uint8_t { Neg, Pos, Invert, Not };
enum class CompareOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

using DeallocSlot = void (*)(Object*);
using VisitFn = void (*)(Value child, void* ctx);
using TraverseSlot = void (*)(Object*, VisitFn visit, void* ctx);
using ClearSlot = void (*)(Object*);
using UnarySlot = Value (*)(ThreadState&, Value self);
using BinarySlot = Value (*)(ThreadState&, Value a, Value b);  // may return NotImplemented
using TernarySlot = Value (*)(ThreadState&, Value a, Value b, Value c);
using HashSlot = bool (*)(ThreadState&, Value self, int64_t* out);  // false: error
using LenSlot = int64_t (*)(ThreadState&, Value self);              // -1: error
using InquirySlot = int (*)(ThreadState&, Value self);              // 1/0, -1: error
using CompareSlot = Value (*)(ThreadState&, Value a, Value b, CompareOp op);
using CallSlot = Value (*)(ThreadState&, Value callable, Args args);
using GetAttrSlot = Value (*)(ThreadState&, Value self, Value name);  // name: str
// value null means delete. Returns 0, or -1 with an exception pending.
using SetAttrSlot = int (*)(ThreadState&, Value self, Value name, Value value);
using SetItemSlot = int (*)(ThreadState&, Value self, Value key, Value value);
using ContainsSlot = int (*)(ThreadState&, Value self, Value item);
// obj is null when the descriptor is read from the class itself.
using DescrGetSlot = Value (*)(ThreadState&, Value descr, Value obj, Value type);
using DescrSetSlot = int (*)(ThreadState&, Value descr, Value obj, Value value);
using NewSlot = Value (*)(ThreadState&, TypeObject* type, Args args);
using InitSlot = int (*)(ThreadState&, Value self, Args args);

enum TypeFlags : uint32_t {
    kTypeHeap = 1u << 0,         // created by a class statement; instances own a ref to it
    kTypeBaseType = 1u << 1,     // may be subclassed
    kTypeHasGc = 1u << 2,        // instances are gc-tracked containers
    kTypeIsException = 1u << 3,  // BaseException or a subclass
    kTypeIntSubclass = 1u << 4,
    kTypeStrSubclass = 1u << 5,
    kTypeAbstract = 1u << 6,
    // (1u << 7 is kTypeHasFinalizer, runtime/gc.hpp)
    // Instances keep their attributes inline (runtime/instance.hpp): values
    // after basicsize, indexed through the type's shared keys.
    kTypeInlineValues = 1u << 8,
    // Instances cannot be weakly referenced (__slots__ without '__weakref__').
    kTypeNoWeakref = 1u << 9,
};

struct SharedKeys;

struct SubclassLinks {
    std::vector<TypeObject*> subclasses;
    std::vector<TypeObject*> bases;
};

struct TypeObject {
    Object hdr;
    Interpreter* interp;    // owner: allocation and gc bookkeeping reach it from any object
    const char* name_cstr;  // builtin types: static name; heap types: points into `name`
    Value name;             // str
    Value qualname;         // str
    TypeObject* base;       // __base__ (owned), null for object
    Value bases;            // tuple
    Value mro;              // tuple
    DictObject* dict;       // __dict__ (owned)
    uint32_t flags;
    ObjKind instance_kind;
    uint32_t basicsize;    // bytes of an instance, excluding the GcHead
    uint32_t dict_offset;  // byte offset of the instance's `Value __dict__`, 0 if none,
                           // kDictAfterItems for str/bytes/tuple subclasses (see instance.hpp)
    uint64_t version;      // bumped when the type or a base changes (attribute caches)

    // Slots. Null means "not supported"; for user classes the generic slot_*
    // functions in runtime/class.cpp fill them.
    DeallocSlot dealloc;
    TraverseSlot traverse;
    ClearSlot clear;
    UnarySlot repr;
    UnarySlot str;
    HashSlot hash;
    CompareSlot richcompare;
    CallSlot call;
    GetAttrSlot getattr;
    SetAttrSlot setattr;
    DescrGetSlot descr_get;
    DescrSetSlot descr_set;
    NewSlot new_;
    InitSlot init;
    UnarySlot iter;
    UnarySlot iternext;  // null result with no exception pending = exhausted
    LenSlot len;
    BinarySlot getitem;
    SetItemSlot setitem;  // value null: delete
    ContainsSlot contains;
    InquirySlot bool_;
    BinarySlot nb[kBinOpCount];
    BinarySlot nb_inplace[kBinOpCount];
    UnarySlot nb_neg, nb_pos, nb_invert, nb_abs;
    UnarySlot nb_int, nb_float, nb_index;
    UnarySlot await_, aiter, anext;  // async protocol (coroutines, async iterators)
    // The buffer protocol (runtime/buffer.hpp): null when the type lends no
    // memory. Points at static storage.
    const BufferProcs* buffer;

    // Weak links to direct subclasses and to the bases this type registered
    // with (owned; null until first needed). Kept in both directions so that
    // whichever of a base and a subclass dies first unlinks itself from the
    // other, whatever order the cycle collector frees them in.
    struct SubclassLinks* links;

    void* freelist;  // per-type free list (floats, frames of generators, ...)
    uint32_t freelist_len;
    // Blocks (GcHead and basicsize bytes) of freed gc instances, kept for the
    // next instance (runtime/heap.cpp); gc_freelist_clear() returns them.
    uint32_t gc_freelist_len;
    void* gc_freelist;

    // Compact instances (kTypeInlineValues, runtime/instance.hpp): the
    // attribute names instances of this class store inline (owned; null until
    // the first one), and how many inline values a new instance gets.
    SharedKeys* shared_keys;
    uint32_t inline_cap;
    // Number of `__slots__` members this class adds to its base's layout.
    uint32_t own_slots;
};

// One entry of a builtin type's method table (see runtime/list.cpp for the
// model: the table sits at the top of the file).
enum MethodFlags : uint32_t {
    kMethodInstance = 0,
    kMethodStatic = 1u << 0,  // staticmethod: no self
    kMethodClass = 1u << 1,   // classmethod: receives the type as args[0]
};
struct MethodDef {
    const char* name;
    NativeFn fn;
    uint32_t flags = kMethodInstance;
};
// A computed attribute of a builtin type (`slice.start`, `BaseException.args`).
struct GetSetDef {
    const char* name;
    Value (*get)(ThreadState&, Value self);
    int (*set)(ThreadState&, Value self, Value value) = nullptr;  // null: read-only
};

// --- Type construction (runtime/type.cpp) ---

// Allocates an empty builtin type object owned by `interp`. Its slots are
// null until the type's define_* function fills them.
TypeObject* type_alloc_builtin(Interpreter& interp, const char* name, ObjKind kind,
                               uint32_t basicsize, TypeObject* base, uint32_t flags);
// Adds native methods / computed attributes to a type's dict.
void type_add_methods(Interpreter& interp, TypeObject* t, std::span<const MethodDef> defs);
void type_add_getsets(Interpreter& interp, TypeObject* t, std::span<const GetSetDef> defs);
// Sets a plain attribute in a type's dict (steals nothing; `value` borrowed).
void type_set_attr_cstr(Interpreter& interp, TypeObject* t, const char* name, Value value);
// Finishes a type: computes the MRO, inherits null slots from the base,
// exposes slots as dunder methods. Called once per builtin type at start-up.
void type_ready(Interpreter& interp, TypeObject* t);

// MRO lookup of `name` (an interned str) without invoking descriptors.
// Returns a BORROWED value, or null when absent (no exception set).
Value type_lookup(TypeObject* t, Value name);
Value type_lookup_cstr(ThreadState& ts, TypeObject* t, const char* name);
bool type_is_subtype(const TypeObject* a, const TypeObject* b);

// The type of any value (small ints and immediates included).
TypeObject* type_of(ThreadState& ts, Value v);
inline TypeObject* type_of_object(Value v) noexcept {
    return v.as_object()->type;
}

// Creates a class (`class` statement / type(name, bases, dict)).
// Returns a new reference or null with an exception pending.
Value type_new_class(ThreadState& ts, TypeObject* metatype, Value name, Value bases, Value dict);

// Whether an instance of `a` may become one of `b` by __class__ assignment:
// the same layout (CPython's compatible_for_assignment).
bool type_layouts_compatible(TypeObject* a, TypeObject* b);

// Direct subclasses (a snapshot; the registry holds no references).
std::vector<TypeObject*> type_subclasses(const TypeObject* t);
void register_subclass(TypeObject* base, TypeObject* sub);
void forget_subclass(TypeObject* t);
// Drops the references a heap type holds (gc clear and dealloc).
void type_clear(Object* o);

// After a dunder attribute is set on a user class, refresh its slots and
// those of its subclasses, and bump the version tags.
void type_modified(ThreadState& ts, TypeObject* t);

}  // namespace gilt
