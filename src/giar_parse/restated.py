"""The figures a report's prose restates, compared with its tables (``prose.mismatch``).

Section 一 of most reports restates the tables in words ("全年共收到政府信息公开申请81件").
:mod:`giar_parse.reading.prose` reads each such figure as a :class:`Claim` naming the
table quantity by a path; :func:`compare` looks the quantity up in the tables and gives
the :class:`~giar_parse.model.ProseFigure` records of :attr:`Report.prose_figures
<giar_parse.Report.prose_figures>` and one ``prose.mismatch`` warning per disagreement.

A path is a key path of the report (``requests.received.total``), where ``*`` stands for
every row of a group (``requests.withheld.*.total``: the eight rows of （三）不予公开) and
``+`` adds quantities (``appeals.litigation.total+appeals.litigation_after_review.total``).
A quantity is known only where every cell it adds is printed; otherwise, and wherever the
reading is in doubt, the figure is not compared.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from giar_parse.model import ActiveDisclosure, AppealTable, Diagnostic, ProseFigure, RequestTable

__all__ = ["Claim", "compare", "quantity"]

_TABLE_NAMES = {"active": "二", "requests": "三", "appeals": "四"}
_SINGLE_OTHER = "requests.other_handling."
_PARTS_OTHER = "requests.other_handling_parts.*."


class Claim(NamedTuple):
    """One figure read from the prose, before it is compared."""

    #: The words read, NFKC-folded, e.g. ``"收到政府信息公开申请81件"``.
    phrase: str
    #: The number they print: a count, or money in yuan.
    number: int | Decimal
    #: The table quantity the words name.
    path: str
    #: 1-based line of the input where the phrase starts.
    line: int
    #: A second reading of the words that must give the same table number for the figure to be
    #: compared (办理 N件: （七）总计, or 新收 + 上年结转); None where the words have one reading.
    agree: str | None = None
    #: For money: the yuan one unit of the last printed digit is worth (0.01万元 → 100).
    quantum: Decimal | None = None


def _walk(record: object, names: Sequence[str]) -> object:
    """The value at ``names`` under ``record`` (None where a record on the way is missing)."""
    for name in names:
        record = None if record is None else getattr(record, name, None)
    return record


def _values(record: object, names: Sequence[str]) -> list[object]:
    """The values at ``names`` under ``record``: one, or where a name is ``*`` one per row of that group."""
    if "*" not in names:
        return [_walk(record, names)]
    star = names.index("*")
    group = _walk(record, names[:star])
    fields = None if group is None else getattr(type(group), "__attrs_attrs__", None)
    if not fields:
        return [None]
    rest = names[star + 1 :]
    return [value for field in fields for value in _values(getattr(group, field.name), rest)]


@functools.lru_cache(maxsize=256)
def _terms(path: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A path's terms, each as its table (``requests``) and the names under it."""
    return tuple((root, tuple(names)) for root, *names in (term.split(".") for term in path.split("+")))


def quantity(path: str, tables: dict[str, object]) -> int | Decimal | None:
    """The table number at ``path`` (see the module's notation); None where a cell it adds is not printed.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> tables = {"requests": report.requests, "appeals": report.appeals}
    >>> quantity("requests.withheld.*.total", tables), quantity("appeals.review.total", tables)
    (294, 386)
    """
    total: int | Decimal = 0
    for root, names in _terms(path):
        for value in _values(tables.get(root), names):
            if not isinstance(value, (int, Decimal)) or isinstance(value, bool):
                return None
            total += value
    return total


def _as_printed(path: str, requests: RequestTable | None) -> str:
    """（六）其他处理 as the table prints it: one row, or the sum of its three sub-rows."""
    if requests is not None and requests.other_handling is None and requests.other_handling_parts is not None:
        return path.replace(_SINGLE_OTHER, _PARTS_OTHER)
    return path


def _fee_quantum(active: ActiveDisclosure | None) -> Decimal | None:
    """The yuan one unit of the last digit of table 二's printed fee is worth."""
    fees = getattr(active, "fees", None)
    amount, text = getattr(fees, "amount", None), getattr(fees, "amount_text", None)
    if not isinstance(amount, Decimal) or not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    if not digits or digits.count(".") > 1 or digits.endswith("."):
        return None
    printed = Decimal(digits)
    places = len(digits.partition(".")[2])
    scale = amount / printed if printed else Decimal(10_000)
    return scale.normalize() * Decimal(1).scaleb(-places)


def _shown(value: int | Decimal) -> str:
    return f"{format(value, 'f')} yuan" if isinstance(value, Decimal) else str(value)


def compare(
    claims: Sequence[Claim],
    active: ActiveDisclosure | None,
    requests: RequestTable | None,
    appeals: AppealTable | None,
) -> tuple[tuple[ProseFigure, ...], list[Diagnostic]]:
    """Each claim as a :class:`~giar_parse.model.ProseFigure`, and a ``prose.mismatch`` per disagreement.

    A claim is compared only where its quantity is printed, its second reading (if any)
    agrees, money is printed to the same precision in prose and table, and the prose
    gives no other number for the same quantity.
    """
    tables: dict[str, object] = {"active": active, "requests": requests, "appeals": appeals}
    said: dict[str, set[int | Decimal]] = {}
    for claim in claims:
        said.setdefault(claim.path, set()).add(claim.number)
    figures: list[ProseFigure] = []
    notes: list[Diagnostic] = []
    for claim in claims:
        path = _as_printed(claim.path, requests)
        table = quantity(path, tables) if len(said[claim.path]) == 1 else None
        if table is not None and claim.agree is not None:
            table = table if quantity(_as_printed(claim.agree, requests), tables) == table else None
        if table is not None and claim.quantum is not None and claim.quantum != _fee_quantum(active):
            table = None
        figures.append(ProseFigure(claim.phrase, claim.number, path, claim.line, table))
        if table is not None and table != claim.number:
            numeral = _TABLE_NAMES[path.partition(".")[0]]
            notes.append(
                Diagnostic(
                    "prose.mismatch",
                    "warning",
                    f"the prose says “{claim.phrase}” ({_shown(claim.number)}), but table {numeral} has "
                    f"{_shown(table)} at {path}",
                    path,
                    claim.line,
                )
            )
    return tuple(figures), notes
