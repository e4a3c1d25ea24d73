// Code objects: the compiler's output, the eval loop's input.
//
// Immutable once built. Instructions are 32-bit words, an 8-bit opcode and
// a 24-bit argument (interp/compiler/opcodes.hpp lists them); instructions with an
// inline cache are followed by one word holding their cache slot index.
// Exceptions use a table of protected ranges (CPython 3.11's "zero-cost"
// exception table) rather than runtime block setup: entering a `try` costs
// nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

enum CodeFlags : uint32_t {
    kCodeOptimized = 1u << 0,  // fast locals (functions); module/class code uses a locals dict
    kCodeVarargs = 1u << 2,
    kCodeVarkeywords = 1u << 3,
    kCodeNested = 1u << 4,
    kCodeGenerator = 1u << 5,
    kCodeCoroutine = 1u << 7,
    kCodeAsyncGenerator = 1u << 9,
    // A plain function whose call binds positional arguments by copying them:
    // no keyword-only parameters, *args, **kwargs, cells or free variables,
    // and not a generator or coroutine. The compiler sets it; the eval loop's
    // call fast path tests this one bit instead of re-deriving the shape.
    kCodeSimpleArgs = 1u << 10,
    // Compiled from the stdlib embedded in the binary (set by the module
    // loader, never by the compiler): a sandbox lets such code's import
    // statements through its gate (runtime/sandbox.hpp).
    kCodeStdlib = 1u << 30,
};

// [start, end) instruction-word range protected by a handler at `target`;
// the value stack is cut to `depth` entries before the exception is pushed.
struct ExceptionTableEntry {
    uint32_t start, end, target, depth;
};

// Line of the instructions from word `start` up to the next entry.
struct LineEntry {
    uint32_t start;
    int line;
};

// An inline cache slot (LOAD_GLOBAL / LOAD_ATTR / LOAD_METHOD / STORE_ATTR).
// An attribute site owns kAttrCacheWays consecutive slots, one per class it
// has met (docs/vm.md, "Polymorphic attribute caches").
struct InlineCache {
    uint64_t version = 0;   // dict or type version the entry was filled for (0: empty)
    uint64_t version2 = 0;  // builtins dict version (LOAD_GLOBAL); an attribute site's
                            // first way: its miss count (the megamorphic back-off)
    Value value;            // borrowed: valid while the versions match
    uint32_t index = 0;     // kind-specific (instance dict entry hint)
    uint32_t kind = 0;
};

// Ways of an attribute site's cache: the classes one LOAD_ATTR, LOAD_METHOD
// or STORE_ATTR can serve without a lookup (CPython 3.11 keeps one; sites
// reached through super() from several subclasses need more).
inline constexpr uint32_t kAttrCacheWays = 4;

struct CodeObject {
    Object hdr;
    std::vector<uint32_t> code;
    std::vector<Value> consts;    // owned
    std::vector<Value> names;     // owned interned strs (globals, attributes)
    std::vector<Value> varnames;  // owned strs: arguments first, then other locals
    std::vector<Value> cellvars;  // owned strs
    std::vector<Value> freevars;  // owned strs
    std::vector<int> cell2arg;    // per cell: the argument index it starts from, or -1
    std::vector<ExceptionTableEntry> exception_table;
    std::vector<LineEntry> lines;
    mutable std::vector<InlineCache> caches;
    int argcount = 0;
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    int nlocals = 0;
    int stacksize = 0;
    uint32_t flags = 0;
    int firstlineno = 1;
    Value name;      // str
    Value qualname;  // str
    Value filename;  // str

    // nlocals + cells + free variables: the frame's local slots. Stored, not
    // summed from the vectors, because every call and return needs it.
    int localsplus = 0;

    int nlocalsplus() const { return localsplus; }
    // Source line of the instruction at word index `pc`.
    int line_at(uint32_t pc) const;
};

inline CodeObject* code_obj(Value v) noexcept {
    return reinterpret_cast<CodeObject*>(v.as_object());
}
// An empty code object (the compiler fills it). Null on MemoryError.
CodeObject* code_new(ThreadState& ts);

std::string code_filename(Value code);
std::string code_name(Value code);

void define_code_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
