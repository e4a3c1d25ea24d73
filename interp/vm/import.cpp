// The import system (see import.hpp for the resolution order and the
// invariants). Names travel as std::string between the steps because a
// dotted name is cut and joined at every level; the hot path, `import x` of
// a module already in sys.modules, never builds one.
#include "interp/vm/import.hpp"
#include "interp/vm/frame.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "interp/compiler/compile.hpp"
#include "interp/frontend/lexer.hpp"
#include "interp/vm/frozen.hpp"
#include "runtime/abstract.hpp"
#include "runtime/code.hpp"
#include "runtime/code_marshal.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/gil.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/locks.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/sandbox.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

// --- per-module import locks ---------------------------------------------------
//
// Two threads that import the same module for the first time must not both
// run its body, and the second must not see the half-run module: CPython
// serialises them with one lock per module name (importlib._bootstrap's
// _ModuleLock), held from the sys.modules miss until the body has finished.
// A thread that finds the module in sys.modules while another thread is
// still running its body (ModuleObject::initializing) takes and drops the
// same lock, which waits for that body to finish.
//
// A lock is re-entrant for its owner (a package's __init__ importing its
// own submodule by the full name goes through the same name). Waiting is a
// cycle when threads import each other's modules (A runs a.py which imports
// b, B runs b.py which imports a): each waiter records the lock it waits for
// in `blocking_on`, and a thread whose wait would close a cycle of owners
// back to itself does not wait. If the module is already in sys.modules it
// gets the partially initialised module (CPython's _lock_unlock_module
// swallowing _DeadlockError); otherwise the import fails with the
// RuntimeError "deadlock detected by _ModuleLock('name')".
//
// All fields are per interpreter and read and written under the GIL, except
// that a waiter sleeps with the GIL released on ModuleLock::cv: `releases`
// is written with both the GIL and `mutex` held, and read by the sleeping
// waiter under `mutex` only. `mutex` is never held while taking the GIL, so
// the two cannot deadlock.
struct ModuleLock {
    ThreadState* owner = nullptr;  // the holder, or null
    int count = 0;                 // the owner's nested acquisitions
    int users = 0;                 // holders and waiters; the table entry goes at 0
    std::mutex mutex;              // guards `releases` for the sleeping waiters
    std::condition_variable cv;    // notified on each full release
    std::uint64_t releases = 0;    // how many times the count fell to 0
};

struct ImportState {
    std::unordered_map<std::string, std::shared_ptr<ModuleLock>> locks;
    std::unordered_map<ThreadState*, ModuleLock*> blocking_on;
    pid_t pid = ::getpid();  // the process the owners above live in
};

// After fork() only the forking thread lives on in the child: a lock that
// a vanished thread held would make the child wait for it forever, so the
// first import lock taken in a new process forgets those owners (the module
// they were running stays half-initialised, as the thread left it).
void forget_vanished_owners(ThreadState& ts, ImportState& state) {
    if (state.pid == ::getpid()) return;
    state.pid = ::getpid();
    state.blocking_on.clear();
    Interpreter& interp = ts.interp();
    std::lock_guard<std::mutex> guard(interp.threads_mutex);
    for (auto& [name, lock] : state.locks) {
        const auto& alive = interp.threads;
        if (std::find(alive.begin(), alive.end(), lock->owner) != alive.end()) continue;
        lock->owner = nullptr;
        lock->count = 0;
        new (&lock->mutex) std::mutex;
        new (&lock->cv) std::condition_variable;
    }
}

ImportState& import_state(ThreadState& ts) {
    return module_state<ImportState>(ts.interp(), "import");
}

// CPython's _ModuleLock.has_deadlock: follows owner -> the lock that owner
// waits for -> its owner ... and reports whether the chain reaches `me`. A
// chain that loops without reaching `me` is no deadlock of ours (bpo-38091).
bool has_deadlock(const ImportState& state, const ModuleLock& lock, ThreadState* me) {
    std::unordered_set<ThreadState*> seen;
    ThreadState* tid = lock.owner;
    for (;;) {
        auto it = state.blocking_on.find(tid);
        if (it == state.blocking_on.end()) return false;
        tid = it->second->owner;
        if (tid == me) return true;
        if (!seen.insert(tid).second) return false;
    }
}

// Sleeps without the GIL until `lock` is next released. On the main thread
// the wait is cut in slices, as lock waits are (runtime/locks.hpp), so that
// Ctrl-C while another thread imports the module raises KeyboardInterrupt
// here; false then, with the exception pending.
[[nodiscard]] bool wait_for_release(ThreadState& ts, ModuleLock& lock) {
    std::uint64_t seen = lock.releases;
    bool main = &ts == &ts.interp().main_thread();
    for (;;) {
        bool interrupted = false;
        {
            GilRelease released(ts);
            std::unique_lock<std::mutex> guard(lock.mutex);
            auto released_again = [&] { return lock.releases != seen; };
            if (!main) {
                lock.cv.wait(guard, released_again);
                return true;
            }
            if (lock.cv.wait_for(guard, kSignalPollInterval, released_again)) return true;
            interrupted = signal_pending();
        }
        if (interrupted && !run_pending_signals(ts)) return false;
    }
}

// Holds the import lock of one module name for a scope.
class ModuleLockHold {
public:
    ModuleLockHold(ThreadState& ts, std::string_view name)
        : m_ts(ts), m_state(import_state(ts)), m_name(name) {}
    ~ModuleLockHold() {
        if (!m_lock) return;
        if (m_held && --m_lock->count == 0) {
            m_lock->owner = nullptr;
            {
                std::lock_guard<std::mutex> guard(m_lock->mutex);
                ++m_lock->releases;
            }
            m_lock->cv.notify_all();
        }
        if (--m_lock->users == 0) m_state.locks.erase(m_name);
    }
    ModuleLockHold(const ModuleLockHold&) = delete;
    ModuleLockHold& operator=(const ModuleLockHold&) = delete;

    // Waits for the lock. false when waiting would deadlock (nothing raised)
    // or when a signal handler raised during the wait (KeyboardInterrupt
    // pending).
    [[nodiscard]] bool acquire() {
        forget_vanished_owners(m_ts, m_state);
        std::shared_ptr<ModuleLock>& slot = m_state.locks[m_name];
        if (!slot) slot = std::make_shared<ModuleLock>();
        m_lock = slot;
        ++m_lock->users;
        ThreadState* me = &m_ts;
        while (m_lock->count != 0 && m_lock->owner != me) {
            if (has_deadlock(m_state, *m_lock, me)) return false;
            m_state.blocking_on[me] = m_lock.get();
            bool woke = wait_for_release(m_ts, *m_lock);
            m_state.blocking_on.erase(me);
            if (!woke) return false;
        }
        m_lock->owner = me;
        ++m_lock->count;
        m_held = true;
        return true;
    }

private:
    ThreadState& m_ts;
    ImportState& m_state;
    std::string m_name;
    std::shared_ptr<ModuleLock> m_lock;
    bool m_held = false;
};

// --- small helpers -------------------------------------------------------------

std::string_view before_last_dot(std::string_view name) {
    std::size_t dot = name.rfind('.');
    return dot == std::string_view::npos ? std::string_view() : name.substr(0, dot);
}

std::string_view after_last_dot(std::string_view name) {
    std::size_t dot = name.rfind('.');
    return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

std::string join_path(const std::string& dir, std::string_view leaf) {
    if (dir.empty()) return std::string(leaf);
    std::string out = dir;
    if (out.back() != '/') out += '/';
    out += leaf;
    return out;
}

bool is_directory(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_regular_file(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// sys.modules[name]: borrowed, or null (no exception) when absent.
Value sys_modules_get(ThreadState& ts, std::string_view name) {
    Ref key(make_str(ts, name));
    if (!key) {
        clear_exception(ts);
        return Value();
    }
    bool error = false;
    Value m = dict_get(ts, ts.interp().modules, *key, &error);
    if (error) clear_exception(ts);
    return m;
}

[[nodiscard]] bool sys_modules_set(ThreadState& ts, std::string_view name, Value module) {
    Ref key(make_str(ts, name));
    return key && dict_set(ts, ts.interp().modules, *key, module);
}

void sys_modules_remove(ThreadState& ts, std::string_view name) {
    Ref key(make_str(ts, name));
    if (key && dict_del(ts, ts.interp().modules, *key) >= 0) return;
    clear_exception(ts);
}

// module.__name__ as a std::string ("" when missing or not a str).
std::string module_name_of(ThreadState& ts, Value module) {
    Ref name(obj_getattr_opt(ts, module, ts.names().__name__));
    if (!name) {
        clear_exception(ts);
        return {};
    }
    return is_str(ts, *name) ? std::string(str_view(*name)) : std::string();
}

// Raises `type(msg, name=name, path=path)` (ImportError and subclasses);
// name/path may be null for None.
Value raise_import_error(ThreadState& ts, TypeObject* type, std::string_view msg,
                         Value name = Value(), Value path = Value()) {
    Ref text(make_str(ts, msg));
    if (!text) return Value();
    Ref args(tuple_pack(ts, {*text}));
    if (!args) return Value();
    Ref exc(exception_new(ts, type, *args));
    if (!exc) return Value();
    Value none = Value::none();
    if (obj_setattr(ts, *exc, ts.names().name, name ? name : none) < 0) return Value();
    if (obj_setattr(ts, *exc, ts.names().path, path ? path : none) < 0) return Value();
    return raise_instance(ts, exc.release());
}

Value raise_module_not_found(ThreadState& ts, std::string_view name, std::string_view msg) {
    Ref name_str(make_str(ts, name));
    if (!name_str) return Value();
    return raise_import_error(ts, ts.exc_types().ModuleNotFoundError, msg, *name_str);
}

Value raise_no_module_named(ThreadState& ts, std::string_view name) {
    return raise_module_not_found(ts, name, fmt::format("No module named '{}'", name));
}

// --- source text ---------------------------------------------------------------

// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        char32_t cp;
        std::size_t len = decode_utf8(text, pos, cp);
        if (len == 0) return pos;
        pos += len;
    }
    return std::string_view::npos;
}

// Drops a UTF-8 byte-order mark and rejects text that is not UTF-8 with
// CPython's SyntaxError (gilt reads source as UTF-8 only; PEP 263 coding
// declarations for other encodings are not supported).
[[nodiscard]] bool check_source_encoding(ThreadState& ts, std::string_view* text,
                                         const std::string& filename) {
    if (text->substr(0, 3) == "\xEF\xBB\xBF") text->remove_prefix(3);
    std::size_t bad = first_invalid_utf8(*text);
    if (bad == std::string_view::npos) return true;
    int line = 1;
    for (std::size_t i = 0; i < bad; ++i) line += (*text)[i] == '\n';
    std::string msg = fmt::format(
        "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding "
        "declared; see https://peps.python.org/pep-0263/ for details",
        static_cast<unsigned char>((*text)[bad]), filename, line);
    Ref exc(make_syntax_error(ts, ts.exc_types().SyntaxError, msg, filename, line, 0, "", line, 0));
    if (exc) raise_instance(ts, exc.release());
    return false;
}

// Marks `code` and the code objects nested in it as the embedded stdlib's.
void mark_stdlib_code(Value code) {
    CodeObject* c = code_obj(code);
    c->flags |= kCodeStdlib;
    for (Value k : c->consts) {
        if (k.is_object() && k.as_object()->kind == ObjKind::Code) mark_stdlib_code(k);
    }
}

// Compiles `source` for a module body, with `stdlib` marking the code as
// the embedded stdlib's (kCodeStdlib). New reference, or null on error.
Value compile_module(ThreadState& ts, std::string_view source, const std::string& filename,
                     bool stdlib) {
    if (!check_source_encoding(ts, &source, filename)) return Value();
    Ref code(compile_source(ts, source, filename, CompileMode::Exec));
    if (code && stdlib) mark_stdlib_code(*code);
    return code.release();
}

// --- finding a module --------------------------------------------------------

enum class Found { Nothing, Native, Embedded, Source, Package, Namespace };

struct Location {
    Found kind = Found::Nothing;
    NativeModuleInit init = nullptr;     // Native
    std::string embedded;                // Embedded: the source text
    bool embedded_package = false;       // Embedded: an __init__.py
    std::string file;                    // Source, Package: the .py file (absolute)
    std::string dir;                     // Package, Namespace: the package directory
    const FrozenCode* frozen = nullptr;  // Embedded: its code compiled at build time, if any
};

// A module object gets __path__ (and so counts as a package).
bool is_package_location(const Location& loc) {
    return loc.kind == Found::Package || loc.kind == Found::Namespace ||
           (loc.kind == Found::Embedded && loc.embedded_package);
}

// The index of a module in kEmbeddedLib, or -1.
std::ptrdiff_t find_embedded(std::string_view name) {
    for (std::size_t i = 0; i < kEmbeddedLibCount; ++i) {
        if (name == kEmbeddedLib[i].name) return static_cast<std::ptrdiff_t>(i);
    }
    return -1;
}

// `-X frozen_modules=off` (CPython's option) makes the import system compile
// the embedded text instead of running the code frozen at build time.
bool frozen_modules_off(ThreadState& ts) {
    for (const auto& [name, value] : ts.interp().config().xoptions) {
        if (name == "frozen_modules") return value == "off";
    }
    return false;
}

// The frozen code of kEmbeddedLib[i], or null when there is none.
const FrozenCode* find_frozen(ThreadState& ts, std::size_t i) {
    if (kFrozenLibCount != kEmbeddedLibCount || kFrozenLib[i].size == 0) return nullptr;
    return frozen_modules_off(ts) ? nullptr : &kFrozenLib[i];
}

// The text of a built-in Python-written module, by its full dotted name;
// *is_package tells whether it is a package's __init__.py, and *frozen is
// its code compiled at build time (or null). GILT_STDLIB_DIR, when set,
// names a directory (normally stdlib/lib of a checkout) whose files are
// used instead of the copies compiled into the binary, so a change to one
// can be tried without rebuilding: "a.b" is a/b/__init__.py there, else
// a/b.py. A developer's switch: the module still presents itself as
// <frozen NAME>.
bool find_builtin_source(ThreadState& ts, std::string_view name, std::string* text,
                         bool* is_package, const FrozenCode** frozen) {
    *frozen = nullptr;
    if (const char* dir = std::getenv("GILT_STDLIB_DIR"); dir && *dir) {
        std::string relative(name);
        std::replace(relative.begin(), relative.end(), '.', '/');
        std::string stem = join_path(dir, relative);
        std::string init = join_path(stem, "__init__.py");
        if (is_regular_file(init) && read_source_file(init, text) == 0) {
            *is_package = true;
            return true;
        }
        std::string file = stem + ".py";
        if (is_regular_file(file) && read_source_file(file, text) == 0) {
            *is_package = false;
            return true;
        }
    }
    std::ptrdiff_t i = find_embedded(name);
    if (i < 0) return false;
    *text = kEmbeddedLib[i].source;
    *is_package = kEmbeddedLib[i].is_package;
    *frozen = find_frozen(ts, static_cast<std::size_t>(i));
    return true;
}

// Looks for `leaf` in one directory (FileFinder order: a package first,
// then a module file). A bare directory is remembered as a namespace
// package candidate, used only if no later entry has the real thing.
bool find_in_directory(const std::string& entry, std::string_view leaf, Location* out) {
    std::string dir = absolute_path(join_path(entry, leaf));
    if (is_directory(dir)) {
        std::string init = join_path(dir, "__init__.py");
        if (is_regular_file(init)) {
            *out = Location{Found::Package, nullptr, {}, false, init, dir, nullptr};
            return true;
        }
        if (out->kind == Found::Nothing)
            *out = Location{Found::Namespace, nullptr, {}, false, {}, dir, nullptr};
    }
    std::string file = dir + ".py";
    if (is_regular_file(file)) {
        *out = Location{Found::Source, nullptr, {}, false, file, {}, nullptr};
        return true;
    }
    return false;
}

// The search path: a parent package's __path__, or sys.path. Collects the
// str entries (others are skipped, as FileFinder skips them). false on error.
[[nodiscard]] bool search_entries(ThreadState& ts, Value path_list, std::vector<std::string>* out) {
    Ref owned;
    if (!path_list) {
        Interpreter& interp = ts.interp();
        if (!interp.sys) return true;
        owned = Ref(obj_getattr_opt(ts, interp.sys, ts.names().path));
        if (!owned) return !ts.has_exception();
        path_list = *owned;
    }
    Ref iter(obj_iter(ts, path_list));
    if (!iter) return false;
    while (Value item = iter_next(ts, *iter)) {
        Ref entry(item);
        if (is_str(ts, item)) out->emplace_back(str_view(item));
    }
    return !ts.has_exception();
}

// Finds `name` (a full dotted name). `path_list` is the parent's __path__,
// or null for a top-level module (sys.path). false with an exception
// pending on error; a module that is nowhere leaves out->kind == Nothing.
[[nodiscard]] bool find_location(ThreadState& ts, std::string_view name, Value path_list,
                                 Location* out) {
    auto& natives = ts.interp().native_modules;
    if (auto it = natives.find(name); it != natives.end()) {
        out->kind = Found::Native;
        out->init = it->second;
        return true;
    }
    if (find_builtin_source(ts, name, &out->embedded, &out->embedded_package, &out->frozen)) {
        out->kind = Found::Embedded;
        return true;
    }
    std::vector<std::string> entries;
    if (!search_entries(ts, path_list, &entries)) return false;
    std::string_view leaf = after_last_dot(name);
    for (const std::string& entry : entries) {
        if (find_in_directory(entry, leaf, out)) return true;
    }
    return true;
}

// --- loading a module ----------------------------------------------------------

// The value of __builtins__ for a new namespace: the builtins module for
// __main__ (what CPython shows there), its dict for imported modules (what
// CPython's exec leaves in them).
Value builtins_for(ThreadState& ts, bool as_module) {
    if (as_module) {
        if (Value m = sys_modules_get(ts, "builtins")) return m;
    }
    return ts.interp().builtins;
}

[[nodiscard]] bool set_str_attr(ThreadState& ts, Value dict, const char* key,
                                std::string_view text) {
    Ref v(make_str(ts, text));
    return v && dict_set_cstr(ts, dict, key, *v);
}

// A fresh module for `name` with the attributes import sets before running
// the body: __builtins__, __package__, __file__ (when given) and __path__
// (packages).
Value new_module(ThreadState& ts, std::string_view name, const Location& loc) {
    Ref module(module_new(ts, name));
    if (!module) return Value();
    Value dict = module_dict(*module);
    bool is_package = is_package_location(loc);
    std::string_view package = is_package ? name : before_last_dot(name);
    if (Value b = builtins_for(ts, false); b && !dict_set_cstr(ts, dict, "__builtins__", b))
        return Value();
    if (!set_str_attr(ts, dict, "__package__", package)) return Value();
    if (!loc.file.empty() && !set_str_attr(ts, dict, "__file__", loc.file)) return Value();
    if (is_package) {
        // An embedded package has no directory: its submodules are found
        // by their dotted names in the embedded table, before any path is
        // searched, so its __path__ is empty (as a CPython frozen package's
        // is when its directory is unknown).
        Ref path(list_new(ts));
        if (!path) return Value();
        if (!loc.dir.empty()) {
            Ref dir(make_str(ts, loc.dir));
            if (!dir || !list_append(ts, *path, *dir)) return Value();
        }
        if (!dict_set_cstr(ts, dict, "__path__", *path)) return Value();
    }
    return module.release();
}

// Runs a module body (`code`) with the module already in sys.modules; on
// failure the entry is removed again so a later import retries (CPython's
// _load_unlocked).
[[nodiscard]] bool run_module_body(ThreadState& ts, std::string_view name, Value module,
                                   Value code) {
    // Set before the module is visible, so no other thread can see it in
    // sys.modules without knowing to wait for its import lock.
    reinterpret_cast<ModuleObject*>(module.as_object())->initializing = true;
    bool ok = sys_modules_set(ts, name, module);
    if (ok) {
        Ref result(exec_code(ts, code, module_dict(module)));
        ok = !result.is_null();
    }
    reinterpret_cast<ModuleObject*>(module.as_object())->initializing = false;
    if (!ok) {
        Ref exc(fetch_exception(ts));
        sys_modules_remove(ts, name);
        restore_exception(ts, exc.release());
    }
    return ok;
}

// The code of a module's body: the embedded stdlib's frozen code when the
// build made it, else the text compiled now.
Value module_code(ThreadState& ts, const Location& loc, std::string_view text,
                  const std::string& filename) {
    bool stdlib = loc.kind == Found::Embedded;
    if (!loc.frozen) return compile_module(ts, text, filename, stdlib);
    Ref code(code_marshal_load(ts, std::string_view(loc.frozen->data, loc.frozen->size)));
    if (code) mark_stdlib_code(*code);
    return code.release();
}

Value load_native(ThreadState& ts, std::string_view name, NativeModuleInit init) {
    if (!sandbox_native_allowed(ts, name)) return Value();
    Ref module(init(ts));
    if (!module || !sandbox_restrict_module(ts, name, module_dict(*module))) return Value();
    if (!sys_modules_get(ts, name) && !sys_modules_set(ts, name, *module)) return Value();
    return module.release();
}

Value load_from_source(ThreadState& ts, std::string_view name, const Location& loc) {
    Ref module(new_module(ts, name, loc));
    if (!module) return Value();
    std::string text;
    std::string filename = loc.file;
    if (loc.kind == Found::Embedded) {
        text = loc.embedded;
        filename = fmt::format("<frozen {}>", name);
        register_source(ts, filename, text);
    } else if (loc.kind != Found::Namespace) {
        if (int err = read_source_file(loc.file, &text)) {
            Ref path(make_str(ts, loc.file));
            return path ? raise_os_error(ts, err, *path) : Value();
        }
    }
    if (loc.kind == Found::Namespace) {
        if (!sys_modules_set(ts, name, *module)) return Value();
    } else {
        Ref code(module_code(ts, loc, text, filename));
        if (!code || !run_module_body(ts, name, *module, *code)) return Value();
    }
    // The body may have replaced itself in sys.modules; that object wins.
    if (Value m = sys_modules_get(ts, name)) return new_ref(m);
    return raise_import_error(ts, ts.exc_types().ImportError,
                              fmt::format("Loaded module {} not found in sys.modules", name));
}

// Binds a loaded submodule as an attribute of its parent (CPython ignores a
// failure here with an ImportWarning; so do we, without the warning).
void bind_to_parent(ThreadState& ts, Value parent, std::string_view name, Value module) {
    Ref attr(ts.interp().intern(after_last_dot(name)));
    if (!attr || obj_setattr(ts, parent, *attr, module) < 0) clear_exception(ts);
}

Value find_and_load(ThreadState& ts, std::string_view name);

// Imports the parent package of a dotted `name` and returns its __path__
// (a new reference) in *path_out, and the parent in *parent_out. If
// importing the parent imported `name` too, *already is that module.
[[nodiscard]] bool prepare_parent(ThreadState& ts, std::string_view name, Ref* parent_out,
                                  Ref* path_out, Value* already) {
    std::string_view parent_name = before_last_dot(name);
    Ref parent(find_and_load(ts, parent_name));
    if (!parent) return false;
    *already = sys_modules_get(ts, name);
    if (*already) return true;
    Ref path(obj_getattr_opt(ts, *parent, ts.names().__path__));
    if (!path) {
        if (ts.has_exception()) return false;
        raise_module_not_found(
            ts, name,
            fmt::format("No module named '{}'; '{}' is not a package", name, parent_name));
        return false;
    }
    *parent_out = std::move(parent);
    *path_out = std::move(path);
    return true;
}

Value load_module(ThreadState& ts, std::string_view name) {
    Ref parent, path;
    if (name.find('.') != std::string_view::npos) {
        Value already;
        if (!prepare_parent(ts, name, &parent, &path, &already)) return Value();
        if (already) return new_ref(already);
    }
    Location loc;
    if (!find_location(ts, name, path.get(), &loc)) return Value();
    Ref module;
    switch (loc.kind) {
        case Found::Nothing:
            return raise_no_module_named(ts, name);
        case Found::Native:
            module = Ref(load_native(ts, name, loc.init));
            break;
        default:
            module = Ref(load_from_source(ts, name, loc));
            break;
    }
    if (module && parent) bind_to_parent(ts, *parent, name, *module);
    return module.release();
}

// A module found in sys.modules: None there blocks the import.
Value existing_module(ThreadState& ts, std::string_view name, Value m) {
    if (!m.is_none()) return new_ref(m);
    return raise_module_not_found(ts, name,
                                  fmt::format("import of {} halted; None in sys.modules", name));
}

// Waits until no other thread is running the body of `name` (CPython's
// _lock_unlock_module). A wait that would deadlock is skipped: the caller
// then takes the partially initialised module. false when the wait was
// interrupted (KeyboardInterrupt pending).
[[nodiscard]] bool wait_for_initialized(ThreadState& ts, std::string_view name) {
    ModuleLockHold hold(ts, name);
    return hold.acquire() || !ts.has_exception();
}

// _find_and_load: the module `name` (a full dotted name), from sys.modules
// or loaded now under its import lock. New reference.
//
// A module that another thread is still initialising is waited for, and
// then the object found before the wait is the answer, even if that
// thread's import failed meanwhile (as CPython's import_ensure_initialized
// does).
Value find_and_load(ThreadState& ts, std::string_view name) {
    Value m = sys_modules_get(ts, name);
    if (m && module_is_initializing(ts, m)) {
        Ref found = Ref::borrow(m);
        if (!wait_for_initialized(ts, name)) return Value();
        return found.release();
    }
    if (m) return existing_module(ts, name, m);
    ModuleLockHold hold(ts, name);
    if (!hold.acquire()) {
        if (ts.has_exception()) return Value();
        return raise_fmt(ts, ts.exc_types().RuntimeError, "deadlock detected by _ModuleLock('{}')",
                         name);
    }
    m = sys_modules_get(ts, name);
    if (!m) return load_module(ts, name);
    return existing_module(ts, name, m);
}

// --- relative names ------------------------------------------------------------

// CPython's resolve_name (Python/import.c): the package a relative import
// in `globals` is relative to. A new str reference, or null.
Value calc_package(ThreadState& ts, Value globals) {
    const ExceptionTypes& exc = ts.exc_types();
    if (!globals || globals.is_none()) return raise(ts, exc.KeyError, "'__name__' not in globals");
    if (!is_dict(ts, globals)) return raise(ts, exc.TypeError, "globals must be a dict");
    Value package = dict_get_str(globals, ts.names().__package__);
    Value spec = dict_get_str(globals, ts.names().__spec__);
    if (package && !package.is_none()) {
        if (!is_str(ts, package)) return raise(ts, exc.TypeError, "package must be a string");
        return new_ref(package);
    }
    if (spec && !spec.is_none()) {
        Ref parent(obj_getattr_cstr(ts, spec, "parent"));
        if (parent && !is_str(ts, *parent))
            return raise(ts, exc.TypeError, "__spec__.parent must be a string");
        return parent.release();
    }
    Value name = dict_get_str(globals, ts.names().__name__);
    if (!name) return raise(ts, exc.KeyError, "'__name__' not in globals");
    if (!is_str(ts, name)) return raise(ts, exc.TypeError, "__name__ must be a string");
    if (dict_get_str(globals, ts.names().__path__)) return new_ref(name);
    std::string_view text = str_view(name);
    if (text.find('.') == std::string_view::npos) {
        return raise(ts, exc.ImportError, "attempted relative import with no known parent package");
    }
    return make_str(ts, before_last_dot(text));
}

// The absolute name of a relative import (`level` dots before `name`).
[[nodiscard]] bool resolve_relative(ThreadState& ts, std::string_view name, Value globals,
                                    int level, std::string* out) {
    Ref package(calc_package(ts, globals));
    if (!package) return false;
    std::string_view base = str_view(*package);
    if (base.empty()) {
        raise(ts, ts.exc_types().ImportError,
              "attempted relative import with no known parent package");
        return false;
    }
    for (int up = 1; up < level; ++up) {
        std::size_t dot = base.rfind('.');
        if (dot == std::string_view::npos) {
            raise(ts, ts.exc_types().ImportError,
                  "attempted relative import beyond top-level package");
            return false;
        }
        base = base.substr(0, dot);
    }
    *out = std::string(base);
    if (!name.empty()) *out += '.' + std::string(name);
    return true;
}

// --- fromlist ----------------------------------------------------------------

// True when the pending exception is ModuleNotFoundError for exactly
// `from_name` (and sys.modules does not block it with None): the name in
// the fromlist is then simply not a submodule.
bool is_missing_submodule(ThreadState& ts, std::string_view from_name) {
    if (!exception_matches(ts, ts.exc_types().ModuleNotFoundError)) return false;
    Ref exc(fetch_exception(ts));
    Ref exc_name(obj_getattr_opt(ts, *exc, ts.names().name));
    clear_exception(ts);
    bool same = exc_name && is_str(ts, *exc_name) && str_view(*exc_name) == from_name;
    Value blocked = sys_modules_get(ts, from_name);
    if (same && !(blocked && blocked.is_none())) return true;
    restore_exception(ts, exc.release());
    return false;
}

[[nodiscard]] bool handle_fromlist(ThreadState& ts, Value module, Value fromlist, bool from_all);

[[nodiscard]] bool handle_fromlist_item(ThreadState& ts, Value module, Value item, bool from_all) {
    if (!is_str(ts, item)) {
        std::string where = from_all ? module_name_of(ts, module) + ".__all__" : "``from list''";
        raise_fmt(ts, ts.exc_types().TypeError, "Item in {} must be str, not {}", where,
                  type_name(ts, item));
        return false;
    }
    std::string_view x = str_view(item);
    if (x == "*") {
        if (from_all) return true;
        Ref all(obj_getattr_opt(ts, module, ts.names().__all__));
        if (!all) return !ts.has_exception();
        return handle_fromlist(ts, module, *all, true);
    }
    Ref attr(obj_getattr_opt(ts, module, item));
    if (attr) return true;
    if (ts.has_exception()) return false;
    std::string from_name = module_name_of(ts, module) + "." + std::string(x);
    Ref sub(find_and_load(ts, from_name));
    return sub || is_missing_submodule(ts, from_name);
}

// _handle_fromlist: for a package, imports each fromlist name that is not
// already an attribute, as a submodule.
bool handle_fromlist(ThreadState& ts, Value module, Value fromlist, bool from_all) {
    Ref iter(obj_iter(ts, fromlist));
    if (!iter) return false;
    while (Value item = iter_next(ts, *iter)) {
        Ref owned(item);
        if (!handle_fromlist_item(ts, module, item, from_all)) return false;
    }
    return !ts.has_exception();
}

// What `import a.b.c` binds: the top-level package. For a relative import
// the name is cut from the end of the resolved module's name by the length
// of what follows the first dot of `name` (CPython's cut_off).
Value top_level_result(ThreadState& ts, std::string_view name, const std::string& abs_name,
                       Value module) {
    if (name.empty()) return new_ref(module);
    std::size_t dot = name.find('.');
    if (dot == std::string_view::npos) return new_ref(module);
    std::size_t cut_off = name.size() - dot;
    std::string_view top = std::string_view(abs_name).substr(0, abs_name.size() - cut_off);
    if (Value m = sys_modules_get(ts, top)) return new_ref(m);
    return raise_fmt(ts, ts.exc_types().KeyError, "'{}' not in sys.modules as expected", top);
}

}  // namespace

// --- the entry points --------------------------------------------------------

Value import_module(ThreadState& ts, Value name, Value globals, Value fromlist, int level,
                    bool statement) {
    const ExceptionTypes& exc = ts.exc_types();
    if (!is_str(ts, name)) {
        return raise_fmt(ts, exc.TypeError, "module name must be str, not {}", type_name(ts, name));
    }
    if (level < 0) return raise(ts, exc.ValueError, "level must be >= 0");
    std::string_view text = str_view(name);
    bool has_fromlist = false;
    if (fromlist && !fromlist.is_none()) {
        int truth = obj_truthy(ts, fromlist);
        if (truth < 0) return Value();
        has_fromlist = truth == 1;
    }
    const bool sandboxed = is_sandboxed(ts);
    if (level == 0 && !sandboxed) {
        if (text.empty()) return raise(ts, exc.ValueError, "Empty module name");
        // The common case, `import x` of a loaded module: one dict lookup.
        bool error = false;
        Value m = dict_get(ts, ts.interp().modules, name, &error);
        if (error) return Value();
        if (m && !m.is_none() && !has_fromlist && text.find('.') == std::string_view::npos &&
            !module_is_initializing(ts, m)) {
            return new_ref(m);
        }
    }
    std::string abs_name(text);
    if (level > 0 && !resolve_relative(ts, text, globals, level, &abs_name)) return Value();
    if (sandboxed) {
        if (abs_name.empty()) return raise(ts, exc.ValueError, "Empty module name");
        bool trusted = statement && ts.frame != nullptr && (ts.frame->code->flags & kCodeStdlib);
        if (!sandbox_import_allowed(ts, abs_name, trusted)) return Value();
    }
    Ref module(find_and_load(ts, abs_name));
    if (!module) return Value();
    if (!has_fromlist) return top_level_result(ts, text, abs_name, *module);
    Ref path(obj_getattr_opt(ts, *module, ts.names().__path__));
    if (path && !handle_fromlist(ts, *module, fromlist, false)) return Value();
    if (!path && ts.has_exception()) return Value();
    return module.release();
}

Value import_by_name(ThreadState& ts, std::string_view name) {
    if (name.empty()) return raise(ts, ts.exc_types().ValueError, "Empty module name");
    // Native code names only its own helper modules here (never a name a
    // script chose), so a sandbox's import gate does not apply: what those
    // helpers could reach is refused at its source.
    return find_and_load(ts, name);
}

Value import_from(ThreadState& ts, Value module, Value name) {
    Ref attr(obj_getattr_opt(ts, module, name));
    if (attr || ts.has_exception()) return attr.release();
    Ref pkgname(obj_getattr_opt(ts, module, ts.names().__name__));
    if (!pkgname) clear_exception(ts);
    bool have_name = pkgname && is_str(ts, *pkgname);
    if (have_name) {
        std::string full = fmt::format("{}.{}", str_view(*pkgname), str_view(name));
        if (Value sub = sys_modules_get(ts, full)) return new_ref(sub);
    }
    std::string shown = have_name ? std::string(str_view(*pkgname)) : "<unknown module name>";
    Ref file;
    if (module.is_object() && module.as_object()->type == ts.types().module) {
        Value f = dict_get_str(module_dict(module), ts.names().__file__);
        if (f && is_str(ts, f)) file = Ref::borrow(f);
    }
    std::string msg;
    if (!file) {
        msg = fmt::format("cannot import name {} from {} (unknown location)",
                          str_repr(str_view(name)), str_repr(shown));
    } else if (module_is_initializing(ts, module)) {
        msg = fmt::format(
            "cannot import name {} from partially initialized module {} (most likely due to a "
            "circular import) ({})",
            str_repr(str_view(name)), str_repr(shown), str_view(*file));
    } else {
        msg = fmt::format("cannot import name {} from {} ({})", str_repr(str_view(name)),
                          str_repr(shown), str_view(*file));
    }
    return raise_import_error(ts, ts.exc_types().ImportError, msg, have_name ? *pkgname : Value(),
                              file.get());
}

namespace {

// The names `import *` copies: __all__, or the public keys of __dict__.
Value star_names(ThreadState& ts, Value module, bool* skip_private) {
    Ref all(obj_getattr_opt(ts, module, ts.names().__all__));
    if (all || ts.has_exception()) {
        *skip_private = false;
        return all.release();
    }
    Ref dict(obj_getattr_opt(ts, module, ts.names().__dict__));
    if (!dict) {
        if (ts.has_exception()) return Value();
        return raise(ts, ts.exc_types().ImportError,
                     "from-import-* object has no __dict__ and no __all__");
    }
    *skip_private = true;
    if (is_dict(ts, *dict)) return dict_keys_list(ts, *dict);
    return call_method(ts, *dict, ts.names().keys, {});
}

[[nodiscard]] bool star_bad_name(ThreadState& ts, Value module, Value name, bool skip_private) {
    Ref modname(obj_getattr_opt(ts, module, ts.names().__name__));
    if (!modname || !is_str(ts, *modname)) {
        if (!ts.has_exception()) {
            raise_fmt(ts, ts.exc_types().TypeError, "module __name__ must be a string, not {}",
                      modname ? type_name(ts, *modname) : std::string_view("NoneType"));
        }
        return false;
    }
    raise_fmt(ts, ts.exc_types().TypeError, "{} in {}.{} must be str, not {}",
              skip_private ? "Key" : "Item", str_view(*modname),
              skip_private ? "__dict__" : "__all__", type_name(ts, name));
    return false;
}

}  // namespace

bool import_star(ThreadState& ts, Value module, Value locals_dict) {
    bool skip_private = false;
    Ref names(star_names(ts, module, &skip_private));
    if (!names) return false;
    Ref iter(obj_iter(ts, *names));
    if (!iter) return false;
    bool exact = is_exact_dict(ts, locals_dict);
    while (Value item = iter_next(ts, *iter)) {
        Ref name(item);
        if (!is_str(ts, item)) return star_bad_name(ts, module, item, skip_private);
        if (skip_private && str_view(item).starts_with('_')) continue;
        Ref value(obj_getattr(ts, module, item));
        if (!value) return false;
        bool ok = exact ? dict_set(ts, locals_dict, item, *value)
                        : obj_setitem(ts, locals_dict, item, *value) >= 0;
        if (!ok) return false;
    }
    return !ts.has_exception();
}

// --- __main__ ------------------------------------------------------------------

Value main_module(ThreadState& ts) {
    if (Value m = sys_modules_get(ts, "__main__")) return new_ref(m);
    Ref module(module_new(ts, "__main__"));
    if (!module) return Value();
    Value b = builtins_for(ts, true);
    if (b && !dict_set_cstr(ts, module_dict(*module), "__builtins__", b)) return Value();
    if (!sys_modules_set(ts, "__main__", *module)) return Value();
    return module.release();
}

Value run_main_source(ThreadState& ts, std::string_view source, const std::string& filename,
                      const std::string& file_attr, const std::string& package) {
    Ref module(main_module(ts));
    if (!module) return Value();
    Value dict = module_dict(*module);
    if (!file_attr.empty() && !set_str_attr(ts, dict, "__file__", file_attr)) return Value();
    if (!package.empty() && !set_str_attr(ts, dict, "__package__", package)) return Value();
    if (!check_source_encoding(ts, &source, filename)) return Value();
    Ref code(compile_source(ts, source, filename, CompileMode::Exec));
    if (!code) return Value();
    return exec_code(ts, *code, dict);
}

Value run_main_file(ThreadState& ts, const std::string& path) {
    std::string text;
    std::string abs = absolute_path(path);
    if (int err = read_source_file(abs, &text)) {
        Ref name(make_str(ts, path));
        return name ? raise_os_error(ts, err, *name) : Value();
    }
    return run_main_source(ts, text, abs, abs);
}

namespace {

// runpy's "Error while finding module specification": an ImportError from
// importing the parents of `name`, re-worded. Other errors stay as they are.
void reword_parent_error(ThreadState& ts, std::string_view name) {
    if (!exception_matches(ts, ts.exc_types().ImportError)) return;
    Ref exc(fetch_exception(ts));
    std::string detail = format_exception_only(ts, *exc);
    while (!detail.empty() && detail.back() == '\n') detail.pop_back();
    raise_import_error(ts, ts.exc_types().ImportError,
                       fmt::format("Error while finding module specification for {} ({})",
                                   str_repr(name), detail));
}

}  // namespace

bool find_main_module(ThreadState& ts, std::string_view name, MainModuleSpec* out) {
    const ExceptionTypes& exc = ts.exc_types();
    if (name.starts_with('.')) {
        raise(ts, exc.ImportError, "Relative module names not supported");
        return false;
    }
    Ref parent, path;
    if (name.find('.') != std::string_view::npos) {
        Value already;
        if (!prepare_parent(ts, name, &parent, &path, &already)) {
            reword_parent_error(ts, name);
            return false;
        }
    }
    Location loc;
    if (!find_location(ts, name, path.get(), &loc)) return false;
    switch (is_package_location(loc) ? Found::Package : loc.kind) {
        case Found::Nothing:
            if (sys_modules_get(ts, name)) {  // built in at start-up (sys, builtins)
                raise_import_error(ts, exc.ImportError,
                                   fmt::format("No code object available for {}", name));
            } else {
                raise_import_error(ts, exc.ImportError, fmt::format("No module named {}", name));
            }
            return false;
        case Found::Native:
            raise_import_error(ts, exc.ImportError,
                               fmt::format("No code object available for {}", name));
            return false;
        case Found::Package:
        case Found::Namespace: {
            if (after_last_dot(name) == "__main__") {
                raise(ts, exc.ImportError, "Cannot use package as __main__ module");
                return false;
            }
            Ref package(find_and_load(ts, name));
            if (!package) return false;
            std::string main_name = std::string(name) + ".__main__";
            if (find_main_module(ts, main_name, out)) return true;
            if (!exception_matches(ts, exc.ImportError)) return false;
            Ref err(fetch_exception(ts));
            Ref detail(obj_str(ts, *err));
            if (!detail) return false;
            raise_import_error(ts, exc.ImportError,
                               fmt::format("{}; '{}' is a package and cannot be directly executed",
                                           str_view(*detail), name));
            return false;
        }
        case Found::Embedded:
            out->filename = fmt::format("<frozen {}>", name);
            out->source = loc.embedded;
            out->on_disk = false;
            break;
        case Found::Source:
            if (int err = read_source_file(loc.file, &out->source)) {
                Ref file(make_str(ts, loc.file));
                if (file) raise_os_error(ts, err, *file);
                return false;
            }
            out->filename = loc.file;
            out->on_disk = true;
            break;
    }
    out->name = std::string(name);
    out->package = std::string(before_last_dot(name));
    return true;
}

// --- files ---------------------------------------------------------------------

int read_source_file(const std::string& path, std::string* out) {
    int fd;
    do {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return errno;
    out->clear();
    struct stat st;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) out->reserve(static_cast<std::size_t>(st.st_size));
    char buf[65536];
    int err = 0;
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            out->append(buf, static_cast<std::size_t>(n));
        } else if (n == 0) {
            break;
        } else if (errno != EINTR) {
            err = errno;
            break;
        }
    }
    ::close(fd);
    return err;
}

std::string absolute_path(const std::string& path) {
    if (path.starts_with('/')) return path;
    char buf[PATH_MAX];
    if (::getcwd(buf, sizeof buf) == nullptr) return path;
    return join_path(buf, path);
}

}  // namespace gilt
