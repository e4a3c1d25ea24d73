// One interpreter: its heap, types, modules, threads and GIL.
//
// Everything mutable lives here or below (no hidden globals), so a host can
// run several interpreters side by side, each on its own OS threads. An
// object belongs to exactly one interpreter and never crosses to another.
#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/common_strings.hpp"
#include "runtime/free_blocks.hpp"
#include "runtime/gil_instruments.hpp"
#include "runtime/heap_meter.hpp"
#include "runtime/interrupts.hpp"
#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct StrObject;
struct DictObject;
class Sandbox;

// Where sys.stdout / sys.stderr write when not redirected by the script.
// The default writes to file descriptors 1 and 2; a host can capture instead.
using OutputSink = std::function<void(std::string_view)>;

struct InterpreterConfig {
    std::vector<std::string> argv;                              // sys.argv
    std::vector<std::pair<std::string, std::string>> xoptions;  // -X name[=value]
    std::vector<std::string> path;                              // extra sys.path entries (first)
    OutputSink stdout_sink;                                     // null: fd 1
    OutputSink stderr_sink;                                     // null: fd 2
    bool interactive = false;
    // Cap on the interpreter's heap in bytes (0: none); see heap_meter.hpp.
    std::size_t memory_limit = 0;
};

// Native module factory: builds the module object (a new reference) or
// returns null with an exception pending.
using NativeModuleInit = Value (*)(ThreadState& ts);

class Interpreter {
public:
    explicit Interpreter(InterpreterConfig config = {});
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    ThreadState& main_thread() noexcept { return *m_main; }
    const InterpreterConfig& config() const noexcept { return m_config; }

    BuiltinTypes types;
    ExceptionTypes exc_types;
    CommonStrings names;

    Value builtins;  // the builtins module's dict (owned)
    Value modules;   // sys.modules (owned dict)
    Value sys;       // the sys module (owned)
    // builtins.__import__ as start-up made it (owned). IMPORT_NAME calls the
    // import system directly while the frame's builtins still hold this
    // object, and calls whatever replaced it otherwise (CPython's
    // interp->import_func).
    Value import_func;

    int recursion_limit = 1000;

    // Returns the interned str for `s` (a new reference).
    // At the heap cap it may use the reserve (heap_meter.hpp); null with
    // MemoryError pending when even that is gone.
    Value intern(std::string_view s);
    // Interns an existing str (an exact str in place, without a copy) if not
    // already interned; returns the canonical one (a new reference),
    // consuming the argument's reference. Null with MemoryError pending
    // only for a str subclass instance that could not be copied.
    Value intern_steal(Value str);

    // Native modules importable by name (filled at start-up by stdlib/registry).
    std::map<std::string, NativeModuleInit, std::less<>> native_modules;

    // Immutable singletons that are heap objects (empty tuple, empty str).
    Value empty_tuple;
    Value empty_str;
    Value empty_bytes;
    Value one_char_strs[128];  // ASCII one-character strs

    // --- cycle collector state (runtime/gc.cpp) ---
    struct GcState;
    std::unique_ptr<GcState> gc;

    // --- attribute cache invalidation ---
    uint64_t next_type_version = 1;
    // type_lookup's cache (CPython's method cache): (type version, name) ->
    // what the MRO walk found, possibly nothing. A type's version changes
    // whenever its dict or a base's dict changes, so entries never go stale.
    struct MethodCacheEntry {
        uint64_t version = 0;
        const Object* name = nullptr;
        Value value;  // borrowed from the type dict that holds it
    };
    static constexpr std::size_t kMethodCacheSize = 4096;
    std::unique_ptr<MethodCacheEntry[]> method_cache{new MethodCacheEntry[kMethodCacheSize]};
    // Dict versions are drawn from one counter so that a version identifies
    // one state of one dict (the eval loop's LOAD_GLOBAL cache relies on it).
    uint64_t next_dict_version = 1;
    // Freed dict tables of the smallest size, for the next small dict
    // (runtime/dict.cpp; 80 as CPython keeps 80 dicts' keys), and freed exact
    // tuples of 1..kTupleBlockSizes items, one list per size (runtime/tuple.cpp;
    // CPython keeps such lists for sizes below 20). Closed at tear-down, after
    // the last dict and tuple are gone.
    FreeBlocks dict_tables{80};
    static constexpr uint32_t kTupleBlockSizes = 16;
    std::array<FreeBlocks, kTupleBlockSizes> tuple_blocks =
        free_blocks_array<kTupleBlockSizes>(500);

    // Registered OS threads (for threading.enumerate, shutdown). Guarded by
    // `threads_mutex`, not by the GIL: a new thread registers before its first
    // take() and its ThreadState unregisters after its last drop(). So nobody
    // may wait for the GIL while holding `threads_mutex`.
    std::mutex threads_mutex;
    std::vector<ThreadState*> threads;

    // The eval breaker: one word the eval loop polls at every check point.
    // Bits are defined in runtime/eval_breaker.hpp (GIL drop request, pending
    // signals, async exceptions).
    std::atomic<uint32_t> eval_breaker{0};
    // The global interpreter lock (runtime/gil.hpp). The thread that creates
    // the interpreter holds it from construction on.
    Gil gil{eval_breaker};
    // What -X gilstats, giltrace, giltimeline, switch, sched and gilpolicy
    // asked for, the rows of ended threads and the trace buffers
    // (runtime/gil_instruments.hpp).
    GilInstruments gil_instruments;

    // Per-interpreter state of native modules, keyed by module name, for
    // modules that need more than their module dict (e.g. random's MT state).
    std::unordered_map<std::string, std::shared_ptr<void>> module_state;

    OutputSink stdout_sink;
    OutputSink stderr_sink;

    // --- what the host controls (runtime/sandbox.hpp, interrupts.hpp) ---
    // Null unless the host made this a sandboxed interpreter.
    std::unique_ptr<Sandbox> sandbox;
    // A stop request from a host thread.
    HostInterrupt host_interrupt;
    // The heap's size and cap; counting from the first allocation on when
    // the config sets a limit.
    HeapMeter heap_meter;

private:
    void init_types();  // after allocate_builtin_types and the main thread
    void init_strings();
    void init_builtins();
    void add_interned(Value str);  // marks it and takes the table's reference

    InterpreterConfig m_config;
    std::unique_ptr<ThreadState> m_main;
    std::unordered_map<std::string_view, StrObject*> m_interned;  // keys view the str's bytes
};

}  // namespace gilt
