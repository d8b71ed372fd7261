"""The LALR automaton of grammar.lark run directly: Lark's tables as plain data, the ToElements reductions.

Lark's own driver builds a parse tree node for every inlined rule (``_element``,
``_request_label`` …) and then splices it into its parent; most of its time goes there.
This runs the same tables with the same reductions and the same splicing, on plain lists:
for every token stream it returns what Lark returns.  The tables are plain data
(:data:`Tables`: ints, strs, tuples and dicts), so the grammar cache keeps them and a
process that finds them there never imports Lark.  Where the grammar uses a feature this
does not implement (aliases, ``?rule``, filtered tokens, token callbacks, a rule without a
ToElements method), there is no automaton and Lark's driver is used.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from giar_parse.errors import GiarParseError
from giar_parse.reading.token import Token

if TYPE_CHECKING:
    from lark import Lark
    from lark.grammar import Rule as LarkRule

__all__ = ["Automaton", "Rule", "Tables", "automaton_of", "tables_of"]

Reduce = Callable[[list[Any]], Any]
#: A rule as the automaton reduces it: number of children, rule name, reduction (None: the children list).
Rule = tuple[int, str, Reduce | None]

#: The grammar's LALR tables as plain data: ``rules`` is a list of (rule name, number of
#: children, positions of inlined children), or None where the automaton cannot run the
#: grammar; ``states`` maps state → terminal or rule name → action, an int: the next state
#: (a shift, or the goto after a reduction) where it is 0 or more, else ``~rule index``
#: (reduce by that rule); ``terminals`` lists (name, regex) of the cell terminals in the
#: grammar's order.
Tables = dict[str, Any]


class Automaton(NamedTuple):
    """Lark's LALR tables, their rules each with its reduction."""

    #: State → symbol → action (see :data:`Tables`).
    states: dict[int, dict[str, int]]
    #: Rule index → the rule with its reduction.
    rules: list[Rule]
    start: int
    end: int

    def run(self, stream: Iterable[Token], skipped: Callable[[Token], None]) -> Any:
        """Feed every token of ``stream``, then the end; ``skipped`` is told of each token that cannot follow.

        As in Lark, reductions made before a token turns out not to fit are kept.  Raises
        GiarParseError where the stream ends before the start rule is complete.
        """
        states, rules = self.states, self.rules
        state_stack: list[int] = [self.start]
        value_stack: list[Any] = []
        state = states[self.start]
        for token in itertools.chain(stream, (_END,)):
            kind = token.type
            while True:
                action = state.get(kind)
                if action is None:
                    if token is not _END:
                        skipped(token)
                    break
                if action >= 0:
                    state_stack.append(action)
                    value_stack.append(token)
                    state = states[action]
                    break
                size, origin, reduce = rules[~action]
                if size == 1:
                    children = [value_stack.pop()]
                    state_stack.pop()
                elif size:
                    children = value_stack[-size:]
                    del state_stack[-size:]
                    del value_stack[-size:]
                else:
                    children = []
                value_stack.append(children if reduce is None else reduce(children))
                goto = states[state_stack[-1]][origin]
                state_stack.append(goto)
                state = states[goto]
        # the end state takes nothing more, so the end of the stream is never shifted
        if state_stack[-1] == self.end:
            return value_stack[-1]
        wanted = ", ".join(sorted(name for name in states[state_stack[-1]] if name.isupper()))
        raise GiarParseError(f"the tables could not be read: the report ends where {wanted} must follow")


#: What :meth:`Automaton.run` feeds last: the end of the stream.
_END = Token("$END", None, 0, 0)


def _inlined(name: str) -> bool:
    return name.startswith("_")


def _reduction(name: str, spliced: frozenset[int], size: int, transformer: object) -> tuple[bool, Reduce | None]:
    """Whether the automaton can run the rule, and its reduction as Lark's tree builder makes it.

    The reduction is None where the rule's value is the list of its children itself.
    """
    method: Reduce | None = None
    if _inlined(name):
        if hasattr(transformer, name):
            return False, None
    else:
        method = getattr(transformer, name, None)
        if method is None or getattr(method, "visit_wrapper", None) is not None:
            return False, None
    if not spliced:
        return True, method
    return True, _splicing(spliced, size, method)


def _splicing(spliced: frozenset[int], size: int, method: Reduce | None) -> Reduce:
    """A reduction whose inlined children's lists are spliced into the parent's, then ``method`` (if any)."""
    if method is None:  # a list rule (rule*, rule+): the spliced list is its value
        if size == 1:  # spliced == {0}: the child's list is the rule's
            return _first
        if size == 2 and spliced == {0}:  # left recursion (a: a b): grow the first child's list, as Lark does
            return _append
        if size == 2 and spliced == {0, 1}:
            return _extend
    keep = method or _same
    if size == 1:  # spliced == {0}: the child's list is what the method takes
        return lambda children: keep(children[0])

    def reduce(children: list[Any]) -> Any:
        out: list[Any] | None = None
        for index, child in enumerate(children):
            if index not in spliced:
                if out is None:
                    out = [child]
                else:
                    out.append(child)
            elif out is None:
                out = child  # left recursion (a: a b): grow the first child's list, as Lark does
            else:
                out.extend(child)
        return keep(out if out is not None else [])

    return reduce


def _first(children: list[Any]) -> Any:
    return children[0]


def _append(children: list[Any]) -> Any:
    out = children[0]
    out.append(children[1])
    return out


def _extend(children: list[Any]) -> Any:
    out = children[0]
    out.extend(children[1])
    return out


def _same(children: list[Any]) -> list[Any]:
    return children


def _supported(rule: LarkRule) -> bool:
    options = rule.options
    if rule.alias or options.keep_all_tokens or options.expand1 or options.empty_indices or options.template_source:
        return False
    return not any(symbol.is_term and getattr(symbol, "filter_out", False) for symbol in rule.expansion)


def tables_of(parser: Lark, cell_terminals: Callable[[str], bool]) -> Tables:
    """The plain-data tables of a Lark LALR parser (``rules`` None where the automaton cannot run it)."""
    from lark.parsers.lalr_analysis import Shift  # noqa: PLC0415 (Lark only where the tables are built)

    conf = parser.parse_interactive([]).parser_state.parse_conf
    terminals = [(str(t.name), str(t.pattern.to_regexp())) for t in parser.terminals if cell_terminals(t.name)]
    runnable = not any(isinstance(key, str) for key in conf.callbacks) and not parser.options.propagate_positions
    if not runnable or not all(_supported(rule) for rule in parser.rules):
        return {"rules": None, "states": {}, "start": None, "end": None, "terminals": terminals}
    numbers = {rule: number for number, rule in enumerate(parser.rules)}
    rules = [
        (
            str(rule.origin.name),
            len(rule.expansion),
            tuple(i for i, symbol in enumerate(rule.expansion) if not symbol.is_term and _inlined(symbol.name)),
        )
        for rule in parser.rules
    ]
    states = {
        state: {
            str(symbol): _action(action is Shift, argument, numbers) for symbol, (action, argument) in actions.items()
        }
        for state, actions in conf.states.items()
    }
    return {"rules": rules, "states": states, "start": conf.start_state, "end": conf.end_state, "terminals": terminals}


def _action(shift: bool, argument: Any, numbers: dict[Any, int]) -> int:
    """An action as an int: the next state, or ``~`` the index of the rule to reduce by."""
    return int(argument) if shift else ~numbers[argument]


def automaton_of(tables: Tables, transformer: object) -> Automaton | None:
    """The automaton for plain-data tables and a transformer, or None where Lark's driver must run."""
    if tables["rules"] is None:
        return None
    reductions: list[Rule] = []
    for name, size, spliced in tables["rules"]:
        runnable, reduce = _reduction(name, frozenset(spliced), size, transformer)
        if not runnable:
            return None
        reductions.append((size, name, reduce))
    return Automaton(tables["states"], reductions, tables["start"], tables["end"])
