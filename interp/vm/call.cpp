// Calling Python functions: frame set-up and argument binding with
// CPython's rules and error messages, the function type's call slot, and
// running module and class-body code.
#include "interp/vm/call.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "interp/compiler/compile.hpp"
#include "interp/vm/eval.hpp"
#include "interp/vm/frame_push.hpp"
#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/generator.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

std::string fname(Value func) {
    return std::string(str_view(func_obj(func)->qualname));
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

void raise_missing(ThreadState& ts, Value func, const std::vector<std::string>& missing,
                   bool kwonly) {
    raise_fmt(ts, ts.exc_types().TypeError, "{}() missing {} required {}argument{}: {}",
              fname(func), missing.size(), kwonly ? "keyword-only " : "positional ",
              missing.size() == 1 ? "" : "s", quoted_list(missing));
}

void raise_too_many_positional(ThreadState& ts, Value func, CodeObject* co, uint32_t given,
                               Value* locals) {
    int argcount = co->argcount;
    FunctionObject* fn = func_obj(func);
    int ndefaults = fn->defaults.is_null() ? 0 : static_cast<int>(tuple_size(fn->defaults));
    int kwonly_given = 0;
    for (int i = argcount; i < argcount + co->kwonlyargcount; ++i)
        if (!locals[i].is_null()) ++kwonly_given;
    std::string takes;
    if (ndefaults > 0) {
        takes = fmt::format("from {} to {} positional arguments", argcount - ndefaults, argcount);
    } else {
        takes = fmt::format("{} positional argument{}", argcount, argcount == 1 ? "" : "s");
    }
    std::string kw_part;
    if (kwonly_given) {
        kw_part = fmt::format(" positional argument{} (and {} keyword-only argument{})",
                              given == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
    }
    raise_fmt(ts, ts.exc_types().TypeError, "{}() takes {} but {}{} {} given", fname(func), takes,
              given, kw_part, given == 1 && !kwonly_given ? "was" : "were");
}

int find_param(CodeObject* co, Value name, int start, int end) {
    for (int i = start; i < end; ++i)
        if (co->varnames[i] == name) return i;
    for (int i = start; i < end; ++i)
        if (str_eq(co->varnames[i], name)) return i;
    return -1;
}

bool bind_keywords(ThreadState& ts, Value func, CodeObject* co, Value* locals,
                   const Value* kwvalues, TupleObject* kwnames, Value kwdict) {
    int total = co->argcount + co->kwonlyargcount;
    for (uint64_t k = 0; k < kwnames->size; ++k) {
        Value name = kwnames->items[k];
        Value v = kwvalues[k];
        int i = find_param(co, name, co->posonlyargcount, total);
        if (i >= 0) {
            if (!locals[i].is_null()) {
                raise_fmt(ts, ts.exc_types().TypeError,
                          "{}() got multiple values for argument '{}'", fname(func),
                          str_view(name));
                return false;
            }
            locals[i] = new_ref(v);
            continue;
        }
        if (!kwdict.is_null()) {
            if (!dict_set(ts, kwdict, name, v)) return false;
            continue;
        }
        if (find_param(co, name, 0, co->posonlyargcount) >= 0) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                      fname(func), str_view(name));
        } else {
            raise_fmt(ts, ts.exc_types().TypeError, "{}() got an unexpected keyword argument '{}'",
                      fname(func), str_view(name));
        }
        return false;
    }
    return true;
}

bool fill_defaults(ThreadState& ts, Value func, CodeObject* co, Value* locals) {
    FunctionObject* fn = func_obj(func);
    int argcount = co->argcount;
    int ndefaults = fn->defaults.is_null() ? 0 : static_cast<int>(tuple_size(fn->defaults));
    std::vector<std::string> missing;
    for (int i = 0; i < argcount; ++i) {
        if (!locals[i].is_null()) continue;
        int d = i - (argcount - ndefaults);
        if (d >= 0)
            locals[i] = new_ref(tuple_item(fn->defaults, d));
        else
            missing.emplace_back(str_view(co->varnames[i]));
    }
    if (!missing.empty()) {
        raise_missing(ts, func, missing, false);
        return false;
    }
    for (int i = argcount; i < argcount + co->kwonlyargcount; ++i) {
        if (!locals[i].is_null()) continue;
        Value d =
            fn->kwdefaults.is_null() ? Value() : dict_get_str(fn->kwdefaults, co->varnames[i]);
        if (!d.is_null())
            locals[i] = new_ref(d);
        else
            missing.emplace_back(str_view(co->varnames[i]));
    }
    if (!missing.empty()) {
        raise_missing(ts, func, missing, true);
        return false;
    }
    return true;
}

bool bind_arguments(ThreadState& ts, Value func, CodeObject* co, Value* locals, const Value* args,
                    uint32_t nargs, TupleObject* kwnames) {
    int argcount = co->argcount;
    bool varargs = co->flags & kCodeVarargs;
    bool varkw = co->flags & kCodeVarkeywords;
    int next = argcount + co->kwonlyargcount;
    Value kwdict;
    if (varargs) ++next;
    if (varkw) {
        kwdict = dict_new(ts);
        if (kwdict.is_null()) return false;
        locals[next] = kwdict;
    }
    uint32_t npos = std::min<uint32_t>(nargs, static_cast<uint32_t>(argcount));
    for (uint32_t i = 0; i < npos; ++i) locals[i] = new_ref(args[i]);
    if (varargs) {
        uint32_t extra = nargs > npos ? nargs - npos : 0;
        Value t = tuple_from_array(ts, args + npos, extra);
        if (t.is_null()) return false;
        locals[argcount + co->kwonlyargcount] = t;
    }
    if (kwnames && !bind_keywords(ts, func, co, locals, args + nargs, kwnames, kwdict))
        return false;
    if (nargs > static_cast<uint32_t>(argcount) && !varargs) {
        raise_too_many_positional(ts, func, co, nargs, locals);
        return false;
    }
    if (nargs >= static_cast<uint32_t>(argcount) && co->kwonlyargcount == 0) return true;
    return fill_defaults(ts, func, co, locals);
}

}  // namespace

void init_code_frame(Frame* f, CodeObject* code, Value globals, Value builtins, Value locals,
                     Value func) {
    init_frame_header(f, code, globals, builtins, locals, func);
    Value* lp = f->localsplus();
    for (int i = 0, n = code->nlocalsplus(); i < n; ++i) lp[i] = Value();
}

bool init_frame(ThreadState& ts, Frame* f, Value func, const Value* args, uint32_t nargs,
                TupleObject* kwnames) {
    FunctionObject* fn = func_obj(func);
    CodeObject* co = code_obj(fn->code);
    init_code_frame(f, co, fn->globals, fn->builtins, Value(), func);
    Value* lp = f->localsplus();
    if (!bind_arguments(ts, func, co, lp, args, nargs, kwnames)) {
        frame_clear(f);
        return false;
    }
    if (!frame_init_cells(ts, f, fn, co)) {
        frame_clear(f);
        return false;
    }
    return true;
}

bool frame_init_cells(ThreadState& ts, Frame* f, FunctionObject* fn, CodeObject* co) {
    Value* lp = f->localsplus();
    std::size_t ncells = co->cellvars.size();
    for (std::size_t i = 0; i < ncells; ++i) {
        int arg = co->cell2arg[i];
        Value cell = make_cell(ts, arg >= 0 ? lp[arg] : Value());
        if (cell.is_null()) return false;
        lp[co->nlocals + i] = cell;
    }
    for (std::size_t j = 0; j < co->freevars.size(); ++j) {
        lp[co->nlocals + ncells + j] = new_ref(tuple_item(fn->closure, j));
    }
    return true;
}

Frame* push_call_frame(ThreadState& ts, Value func, const Value* args, uint32_t nargs,
                       TupleObject* kwnames) {
    CodeObject* co = code_obj(func_obj(func)->code);
    if (++ts.py_depth > ts.interp().recursion_limit) {
        --ts.py_depth;
        raise_recursion_error(ts);
        return nullptr;
    }
    Value* block = ts.frames.push(frame_words(co));
    if (!block) {
        raise_frame_push_error(ts);
        --ts.py_depth;
        return nullptr;
    }
    auto* f = reinterpret_cast<Frame*>(block);
    if (!init_frame(ts, f, func, args, nargs, kwnames)) {
        ts.frames.pop(block);
        --ts.py_depth;
        return nullptr;
    }
    return f;
}

// Protected ranges nest like the blocks that made them, so the innermost
// range containing pc (latest start, then earliest end) is the handler.
const ExceptionTableEntry* find_handler(const CodeObject* co, uint32_t pc) {
    const ExceptionTableEntry* best = nullptr;
    for (const ExceptionTableEntry& e : co->exception_table) {
        if (pc < e.start || pc >= e.end) continue;
        // The innermost entry: the latest start, then the earliest end. On
        // an identical range the later entry wins: handlers are added outer
        // first, and a `return` inside try/except inside try/finally cuts
        // both handlers at the same instruction, leaving equal segments.
        if (!best || e.start > best->start || (e.start == best->start && e.end <= best->end))
            best = &e;
    }
    return best;
}

namespace {

Value make_generator_call(ThreadState& ts, Value func, Args args) {
    CodeObject* co = code_obj(func_obj(func)->code);
    std::size_t words = frame_words(co);
    auto* f = static_cast<Frame*>(std::calloc(words, sizeof(Value)));
    if (!f) return raise_memory_error(ts);
    if (!init_frame(ts, f, func, args.v, args.n, args.kwnames)) {
        std::free(f);
        return Value();
    }
    f->on_heap = 1;
    return make_generator(ts, func, f);
}

}  // namespace

Value function_call(ThreadState& ts, Value func, Args args) {
    CodeObject* co = code_obj(func_obj(func)->code);
    if (co->flags & (kCodeGenerator | kCodeCoroutine | kCodeAsyncGenerator))
        return make_generator_call(ts, func, args);
    Frame* f = args.kwnames == nullptr && simple_call_shape(func_obj(func), co, args.n)
                   ? push_simple_frame(ts, func, Value(), args.v, args.n, false)
                   : push_call_frame(ts, func, args.v, args.n, args.kwnames);
    if (!f) return Value();
    Value r = eval_frame(ts, f, false);
    pop_frame(ts, f);
    return r;
}

Value function_call_self(ThreadState& ts, Value func, Value self, Args args) {
    FunctionObject* fn = func_obj(func);
    CodeObject* co = code_obj(fn->code);
    if (args.kwnames != nullptr ||
        (co->flags & (kCodeGenerator | kCodeCoroutine | kCodeAsyncGenerator)) ||
        !simple_call_shape(fn, co, args.n + 1)) {
        return call_prepending(ts, func, self, args);
    }
    Frame* f = push_simple_frame(ts, func, self, args.v, args.n + 1, false);
    if (!f) return Value();
    Value r = eval_frame(ts, f, false);
    pop_frame(ts, f);
    return r;
}

namespace {

Value run_frame_with_locals(ThreadState& ts, CodeObject* co, Value globals, Value builtins,
                            Value locals, Value func) {
    if (++ts.py_depth > ts.interp().recursion_limit) {
        --ts.py_depth;
        return raise_recursion_error(ts);
    }
    Value* block = ts.frames.push(frame_words(co));
    if (!block) {
        raise_frame_push_error(ts);
        --ts.py_depth;
        return Value();
    }
    auto* f = reinterpret_cast<Frame*>(block);
    init_code_frame(f, co, globals, builtins, locals, func);
    Value* lp = f->localsplus();
    bool ok = true;
    for (std::size_t i = 0; i < co->cellvars.size() && ok; ++i) {
        lp[co->nlocals + i] = make_cell(ts, Value());
        ok = !lp[co->nlocals + i].is_null();
    }
    if (!func.is_null()) {
        FunctionObject* fn = func_obj(func);
        for (std::size_t j = 0; j < co->freevars.size(); ++j)
            lp[co->nlocals + co->cellvars.size() + j] = new_ref(tuple_item(fn->closure, j));
    }
    Value r = ok ? eval_frame(ts, f, false) : Value();
    pop_frame(ts, f);
    return r;
}

}  // namespace

Value run_class_body(ThreadState& ts, Value func, Value ns) {
    FunctionObject* fn = func_obj(func);
    return run_frame_with_locals(ts, code_obj(fn->code), fn->globals, fn->builtins, ns, func);
}

Value exec_code(ThreadState& ts, Value code, Value globals, Value locals) {
    if (locals.is_null()) locals = globals;
    Value builtins = dict_get_str(globals, ts.names().__builtins__);
    if (builtins.is_null()) {
        if (!dict_set(ts, globals, ts.names().__builtins__, ts.interp().builtins)) return Value();
        builtins = ts.interp().builtins;
    } else if (builtins.is_object() && builtins.as_object()->kind == ObjKind::Module) {
        builtins = module_dict(builtins);
    }
    // The eval loop reads f->builtins as a dict. Any other __builtins__
    // (None, 1, a mapping) gets an empty stand-in, and eval_load_global
    // subscripts the real one when a name is missing, as CPython does.
    Ref stand_in;
    if (!is_dict(ts, builtins)) {
        stand_in = Ref(dict_new(ts));
        if (!stand_in) return Value();
        builtins = *stand_in;
    }
    // The frame borrows these; hold them for the whole run.
    Ref hold_code = Ref::borrow(code), hold_globals = Ref::borrow(globals),
        hold_locals = Ref::borrow(locals), hold_builtins = Ref::borrow(builtins);
    return run_frame_with_locals(ts, code_obj(code), globals, builtins, locals, Value());
}

int Frame::line() const noexcept {
    if (!code) return 0;
    return code->line_at(static_cast<uint32_t>(ip - code->code.data() - 1));
}

Value current_globals(ThreadState& ts) {
    if (!ts.frame) return new_ref(dict_get_str(ts.interp().modules, ts.names().__main__));
    return new_ref(ts.frame->globals);
}

Value current_locals(ThreadState& ts) {
    Frame* f = ts.frame;
    if (!f) return Value::none();
    if (!f->locals.is_null()) return new_ref(f->locals);
    if (!(f->code->flags & kCodeOptimized)) return new_ref(f->globals);
    Ref d(dict_new(ts));
    if (!d) return Value();
    CodeObject* co = f->code;
    Value* lp = f->localsplus();
    for (int i = 0; i < co->nlocals; ++i) {
        if (!lp[i].is_null() && !dict_set(ts, *d, co->varnames[i], lp[i])) return Value();
    }
    for (std::size_t i = 0; i < co->cellvars.size(); ++i) {
        Value v = cell_get(lp[co->nlocals + i]);
        if (!v.is_null() && !dict_set(ts, *d, co->cellvars[i], v)) return Value();
    }
    return d.release();
}

}  // namespace gilt
