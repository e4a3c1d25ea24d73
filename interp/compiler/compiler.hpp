// The compiler: AST -> code objects (runtime/code.hpp).
//
// One CodeUnit per scope being compiled (module, class body, function,
// lambda, comprehension); units nest as the AST does. Each unit tracks the
// stack depth as it emits (opcodes.hpp gives every instruction's effect) to
// size the frame's value stack, and a stack of "frame blocks" (loops, try,
// with, except handlers) so that `break`, `continue` and `return` can run
// the cleanup of every block they leave (finally bodies are compiled inline
// on those paths, as CPython does).
//
// Exceptions: a `try` adds an ExceptionTableEntry covering its body; the
// handler code starts with the exception pushed on the stack at the depth
// recorded in the entry. Ranges nest as blocks do; the eval loop picks the
// innermost range containing the failing instruction.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "interp/compiler/future.hpp"
#include "interp/compiler/opcodes.hpp"
#include "interp/compiler/symtable.hpp"
#include "interp/frontend/ast.hpp"
#include "runtime/code.hpp"
#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct CodeUnit;

// Compiles a parsed module. Returns a new code object, or null with a
// SyntaxError pending (scope errors, `return` outside function, ...).
// `future_flags` are kFuture* bits (future.hpp) in force before the module's
// own future statements: compile()'s flags and those it inherits.
Value compile_ast(ThreadState& ts, const ast::Module& module, std::string_view filename,
                  uint32_t future_flags = 0);

class Compiler {
public:
    Compiler(ThreadState& ts, std::string filename, uint32_t future_flags = 0);
    ~Compiler();
    Value compile(const ast::Module& module);

private:
    friend struct CodeUnit;
    using Label = int;
    enum class BlockKind {
        WhileLoop,
        ForLoop,
        TryFinally,
        FinallyEnd,
        With,
        AsyncWith,
        HandlerCleanup,
        TryExcept,
        ExceptStar  // the clauses of an `except*`: break/continue/return may not leave them
    };
    struct FBlock {
        BlockKind kind;
        Label start = -1;
        Label exit = -1;
        const std::vector<ast::Stmt*>* finalbody = nullptr;
        const std::string* handler_name = nullptr;
        int handler = -1;  // the exception-table entry protecting this block, if any
    };

    // --- units and emission (compiler.cpp) ---
    void enter_unit(Scope* scope, const std::string& name, const std::string& qualname,
                    int firstline);
    Value leave_unit();
    CodeUnit& u() { return *m_units.back(); }
    void emit(Op op, uint32_t arg = 0);
    void emit_jump(Op op, Label target);
    Label new_label();
    void bind(Label l);
    void set_line(const ast::Node* n);
    void set_line_number(int line);
    // An attribute's load, store or method lookup takes the line its name ends
    // on (CPython 3.11's update_start_location_to_match_attr).
    void set_attr_line(const ast::Expr* attr) { set_line_number(attr->end_line); }
    uint32_t add_const(Value v);  // consumes v
    uint32_t const_none();
    uint32_t const_int(int64_t v);
    uint32_t const_str(const std::string& s);
    uint32_t add_name(const std::string& s);
    void load_const_str(const std::string& s);
    void fail(const ast::Node* n, const std::string& msg);
    int stack_depth() const;
    void set_depth(int d);
    int add_handler(Label start, Label end, Label target, int depth);
    // A label at the current position that does not change reachability.
    Label here();
    // Code emitted by break/continue/return to leave blocks must not be
    // protected by those blocks' handlers: cut their ranges, then reopen.
    void cut_handler(int h);
    void reopen_handler(int h);
    void reopen_cut_handlers(std::size_t mark);
    std::string qualname_for(const std::string& name, bool is_function_or_class);

    // --- names ---
    void load_name(const std::string& n);
    void store_name(const std::string& n);
    void delete_name(const std::string& n);
    int deref_index(const std::string& n);

    // --- statements (compiler.cpp) ---
    void stmts(const std::vector<ast::Stmt*>& body);
    void stmt(const ast::Stmt* s);
    void function_def(const ast::FunctionDefBase* f);
    void class_def(const ast::ClassDef* c);
    void return_stmt(const ast::Return* r);
    void assign(const ast::Assign* a);
    void ann_assign(const ast::AnnAssign* a);
    void aug_assign(const ast::AugAssign* a);
    void for_stmt(const ast::ForBase* f);
    void while_stmt(const ast::While* w);
    void if_stmt(const ast::If* i);
    void with_stmt(const ast::WithBase* w, std::size_t item);
    void raise_stmt(const ast::Raise* r);
    void try_stmt(const ast::Try* t);
    // Where the clauses of a try/except statement jump and which handler
    // protects them (set up by try_except for both kinds of clause).
    struct HandlerFrame {
        Label start, stop;    // the range the cleanup handler covers
        Label end;            // after the whole statement
        int depth;            // the statement's stack depth
        int cleanup_handler;  // its exception-table entry
    };
    void try_except(const ast::Try* t);
    [[nodiscard]] bool except_clauses(const ast::Try* t, const HandlerFrame& hf);
    [[nodiscard]] bool except_star_clauses(const ast::Try* t, const HandlerFrame& hf);
    void except_star_clause(const ast::ExceptHandler* h, int depth);
    void store_handler_name(const ast::ExceptHandler* h);
    void clear_handler_name(const std::string* name);
    bool leaves_except_star(const ast::Node* where, bool to_loop);
    void try_finally(const ast::Try* t);
    void assert_stmt(const ast::Assert* a);
    void import_stmt(const ast::Import* i);
    void import_from(const ast::ImportFrom* i);
    void break_continue(const ast::Stmt* s, bool is_break);
    // Emits the cleanup of every block up to (not including) a loop, or all
    // of them for `return` (preserve_tos: a return value is on the stack).
    bool unwind_blocks(bool to_loop, bool preserve_tos, FBlock* loop_out);
    void unwind_one(const FBlock& b, bool preserve_tos);
    void emit_with_exit_none(bool is_async);
    void finally_body(const std::vector<ast::Stmt*>& body);

    // --- the match statement (compiler_match.cpp) ---
    struct PatternContext;
    void match_stmt(const ast::Match* m);
    void pattern(const ast::Pattern* p, PatternContext& pc);
    void subpattern(const ast::Pattern* p, PatternContext& pc);
    void sequence_pattern(const ast::MatchSequence* s, PatternContext& pc);
    void mapping_pattern(const ast::MatchMapping* m, PatternContext& pc);
    void class_pattern(const ast::MatchClass* c, PatternContext& pc);
    void or_pattern(const ast::MatchOr* o, PatternContext& pc);
    void jump_to_fail_pop(PatternContext& pc, Op op);
    void emit_fail_pop(PatternContext& pc);
    void pattern_store(const ast::Node* where, const std::optional<std::string>& name,
                       PatternContext& pc);

    // --- expressions (compiler_expr.cpp) ---
    void expr(const ast::Expr* e);
    void exprs(const std::vector<ast::Expr*>& es);
    void constant(const ast::Constant* c);
    void bool_op(const ast::BoolOp* b);
    void compare(const ast::Compare* c);
    void call(const ast::Call* c);
    bool call_zero_arg_super(const ast::Call* c);
    // Pushes the arguments and emits the call, which takes `call_line`.
    void call_args(const std::vector<ast::Expr*>& args, const std::vector<ast::Keyword*>& kws,
                   int call_line);
    void starred_sequence(const std::vector<ast::Expr*>& elts, Op build, Op extend, bool to_tuple);
    void dict_display(const ast::Dict* d);
    void fstring(const ast::JoinedStr* j);
    void formatted_value(const ast::FormattedValue* f);
    void lambda(const ast::Lambda* l);
    void comprehension(const ast::Expr* node, const std::vector<ast::Comprehension*>& gens,
                       const ast::Expr* elt, const ast::Expr* value, int kind);
    void comprehension_generator(const std::vector<ast::Comprehension*>& gens, std::size_t i,
                                 const ast::Expr* elt, const ast::Expr* value, int kind);
    void yield_expr(const ast::Expr* value);
    void yield_from(const ast::Expr* value, bool await);
    void subscript(const ast::Subscript* s);
    void slice(const ast::Slice* s);
    void jump_if(const ast::Expr* e, bool cond, Label target);

    // --- targets (compiler_expr.cpp) ---
    void store_target(const ast::Expr* t);
    void delete_target(const ast::Expr* t);
    void unpack(const std::vector<ast::Expr*>& elts, const ast::Node* where);

    // --- functions ---
    // Compiles a function body into a code object const; emits MAKE_FUNCTION
    // (with defaults / kwdefaults / closure) leaving the function on the stack.
    void make_function(const void* node, const std::string& name, const ast::Arguments* args,
                       const std::vector<ast::Stmt*>* body, const ast::Expr* lambda_body,
                       bool is_async, int line, const ast::Expr* returns);
    bool annotations(const ast::Arguments* args, const ast::Expr* returns);
    // An annotation's value: evaluated, or its source text under PEP 563.
    void annotation(const ast::Expr* e);
    bool future_annotations() const { return m_future.flags & kFutureAnnotations; }
    void make_closure(Value code, uint32_t flags);
    void set_args(const ast::Arguments* a);

    ThreadState& m_ts;
    std::string m_filename;
    SymbolTable m_symtable;
    std::vector<std::unique_ptr<CodeUnit>> m_units;
    std::optional<SyntaxErrorInfo> m_error;
    FutureFeatures m_future;
    bool m_interactive = false;
    std::vector<int> m_cut;  // handlers cut by the current break/continue/return

public:
    const std::optional<SyntaxErrorInfo>& error() const { return m_error; }
};

// The state of one code object being compiled.
struct CodeUnit {
    Scope* scope = nullptr;
    CodeObject* code = nullptr;  // owned until leave_unit
    std::string name;
    std::string qualname;
    std::vector<uint32_t> instrs;
    std::vector<LineEntry> lines;
    std::map<std::string, uint32_t> const_strs;
    std::map<int64_t, uint32_t> const_ints;
    int none_index = -1;
    std::unordered_map<std::string, uint32_t> names;
    std::unordered_map<std::string, uint32_t> varnames;
    std::unordered_map<std::string, uint32_t> derefs;  // cells then frees
    struct LabelInfo {
        int pos = -1;
        int depth = -1;
        std::vector<std::size_t> patches;
    };
    std::vector<LabelInfo> labels;
    struct Handler {
        std::vector<std::pair<int, int>> segs;  // [start, end) label pairs
        int target, depth;
    };
    std::vector<Handler> handlers;
    std::vector<Compiler::FBlock> fblocks;
    int depth = 0;
    int max_depth = 0;
    int line = -1;
    uint32_t caches = 0;
    bool unreachable = false;
};

}  // namespace gilt
