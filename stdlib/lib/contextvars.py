"""contextvars: variables whose value depends on the context that reads
them (PEP 567). Each thread runs in its own Context; Context.run runs a
call in another one, and asyncio runs each task step in the task's copy.
Everything is native (_contextvars); this module re-exports it."""

import _contextvars

Context = _contextvars.Context
ContextVar = _contextvars.ContextVar
Token = _contextvars.Token
copy_context = _contextvars.copy_context

__all__ = ["Context", "ContextVar", "Token", "copy_context"]
