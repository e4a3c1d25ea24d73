// The scope pass: which names are local, global, free (closed over) or
// cells (captured by an inner function), for every scope of a module.
//
// Runs over the AST before code generation, as CPython's symtable.c does.
// Scopes are modules, classes, functions, lambdas and comprehensions (which,
// as in CPython 3.11, are functions of their own whose first iterable is
// evaluated by the enclosing scope and passed in as the parameter ".0").
//
// Rules (Python's): in a function, a name bound anywhere in it is local
// unless declared global/nonlocal; a name only used there is free if an
// enclosing *function* binds it, else global. Class bodies bind in the class
// namespace and are invisible to the functions nested in them; methods that
// mention `super` or `__class__` get an implicit `__class__` cell provided by
// the class scope.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "interp/frontend/ast.hpp"
#include "interp/frontend/syntax_error.hpp"

namespace gilt {

enum class ScopeKind { Module, Class, Function, Comprehension };

enum class NameScope { Local, Cell, Free, GlobalExplicit, GlobalImplicit, ClassLocal };

struct Scope {
    ScopeKind kind = ScopeKind::Module;
    std::string name;
    Scope* parent = nullptr;
    std::vector<std::unique_ptr<Scope>> children;

    std::vector<std::string> params;       // in order: positional, *args, kw-only, **kwargs
    std::set<std::string> bound;           // assigned, imported, defined, or parameters
    std::set<std::string> used;            // read
    std::set<std::string> globals;         // declared `global`
    std::set<std::string> nonlocals;       // declared `nonlocal`
    std::set<std::string> cells;           // locals captured by inner scopes
    std::set<std::string> frees;           // names closed over from outer functions
    std::vector<std::string> local_order;  // locals in first-binding order (after params)
    bool is_generator = false;
    bool is_coroutine = false;
    bool needs_class_cell = false;  // class: some method uses __class__/super
    bool uses_class_cell = false;   // function: mentions super or __class__

    NameScope lookup(const std::string& n) const;
};

class SymbolTable {
public:
    // Builds the scope tree; returns false with `error` set on a scope error
    // ("name 'x' is parameter and global", "no binding for nonlocal 'x' found",
    // "nonlocal declaration not allowed at module level", ...).
    // `future_annotations`: the module has `from __future__ import annotations`.
    bool build(const ast::Module& module, std::optional<SyntaxErrorInfo>* error,
               bool future_annotations = false);
    Scope* root() const { return m_root.get(); }
    // The scope created for a FunctionDef, Lambda, ClassDef or comprehension node.
    Scope* scope_of(const void* node) const;

private:
    std::unique_ptr<Scope> m_root;
    std::unordered_map<const void*, Scope*> m_by_node;
    friend class SymtableBuilder;
};

}  // namespace gilt
