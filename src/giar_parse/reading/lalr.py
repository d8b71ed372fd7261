"""The LALR automaton of grammar.lark run directly: Lark's tables, the ToElements reductions.

Lark's own driver builds a parse tree node for every inlined rule (``_element``,
``_request_label`` …) and then splices it into its parent; most of its time goes there.
This runs the same tables with the same reductions and the same splicing, on plain lists:
for every token stream it returns what Lark returns.  Where the grammar uses a feature
this does not implement (aliases, ``?rule``, filtered tokens, token callbacks, a rule
without a ToElements method), :func:`automaton` is None and Lark's driver is used.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, NamedTuple

from lark import Lark, Token
from lark.exceptions import UnexpectedToken
from lark.grammar import Rule
from lark.parsers.lalr_analysis import Shift

from giar_parse.reading.grammar import lark_parser

__all__ = ["Automaton", "automaton", "automaton_of"]

Reduce = Callable[[list[Any]], Any]
# (True, next state) or (False, (number of children, rule name, reduction))
Action = tuple[bool, Any]


class Automaton(NamedTuple):
    """Lark's LALR tables with each rule replaced by its reduction."""

    #: State → symbol → action.
    states: dict[Any, dict[str, Action]]
    start: Any
    end: Any

    def feed(self, state_stack: list[Any], value_stack: list[Any], token: Token) -> bool:
        """Shift ``token`` after every reduction it calls for; False where it cannot follow.

        As in Lark, reductions made before the token turns out not to fit are kept.
        """
        states = self.states
        kind = token.type
        while True:
            action = states[state_stack[-1]].get(kind)
            if action is None:
                return False
            shift, argument = action
            if shift:
                state_stack.append(argument)
                value_stack.append(token)
                return True
            self._reduce(state_stack, value_stack, argument)

    def finish(self, state_stack: list[Any], value_stack: list[Any]) -> Any:
        """Reduce to the start rule at the end of the stream and return its value."""
        states = self.states
        while True:
            action = states[state_stack[-1]].get("$END")
            if action is None or action[0]:
                expected = {name for name in states[state_stack[-1]] if name.isupper()}
                eof = Token("$END", "", 0, 1, 1)
                raise UnexpectedToken(eof, expected)  # type: ignore[no-untyped-call]
            self._reduce(state_stack, value_stack, action[1])
            if state_stack[-1] == self.end:
                return value_stack[-1]

    def _reduce(self, state_stack: list[Any], value_stack: list[Any], argument: tuple[int, str, Reduce]) -> None:
        size, origin, reduce = argument
        if size:
            children = value_stack[-size:]
            del state_stack[-size:]
            del value_stack[-size:]
        else:
            children = []
        value_stack.append(reduce(children))
        state_stack.append(self.states[state_stack[-1]][origin][1])


def _inlined(name: str) -> bool:
    return name.startswith("_")


def _reduction(rule: Rule, transformer: object) -> Reduce | None:
    """The rule's reduction, as Lark's tree builder makes it for this grammar's rules."""
    name = rule.origin.name
    method: Reduce | None = None
    if _inlined(name):
        if hasattr(transformer, name):
            return None
    else:
        method = getattr(transformer, name, None)
        if method is None or getattr(method, "visit_wrapper", None) is not None:
            return None
    spliced = frozenset(i for i, symbol in enumerate(rule.expansion) if not symbol.is_term and _inlined(symbol.name))
    if not spliced:
        return method or _same
    keep = method or _same

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


def _same(children: list[Any]) -> list[Any]:
    return children


def _supported(rule: Rule) -> bool:
    options = rule.options
    if rule.alias or options.keep_all_tokens or options.expand1 or options.empty_indices or options.template_source:
        return False
    return not any(symbol.is_term and getattr(symbol, "filter_out", False) for symbol in rule.expansion)


@functools.lru_cache(maxsize=1)
def automaton() -> Automaton | None:
    """The automaton of the process's parser (built once), or None where Lark's driver must run."""
    return automaton_of(lark_parser())


def automaton_of(parser: Lark) -> Automaton | None:
    """The automaton for a Lark parser with a transformer, or None where Lark's driver must run."""
    transformer = parser.options.transformer
    conf = parser.parse_interactive([]).parser_state.parse_conf
    if transformer is None or any(isinstance(key, str) for key in conf.callbacks) or parser.options.propagate_positions:
        return None
    reductions: dict[Rule, tuple[int, str, Reduce]] = {}
    for rule in parser.rules:
        reduce = _reduction(rule, transformer) if _supported(rule) else None
        if reduce is None:
            return None
        reductions[rule] = (len(rule.expansion), rule.origin.name, reduce)
    states: dict[Any, dict[str, Action]] = {}
    for state, actions in conf.states.items():
        states[state] = {
            symbol: (True, argument) if action is Shift else (False, reductions[argument])
            for symbol, (action, argument) in actions.items()
        }
    return Automaton(states, conf.start_state, conf.end_state)
