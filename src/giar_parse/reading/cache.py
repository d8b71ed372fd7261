"""The built grammar kept between processes: a file per grammar in the user's cache directory.

Building the LALR tables from ``grammar.lark`` with Lark takes most of a process's first
parse; loading them back takes a fraction of that, and needs no Lark.  What is kept is
plain data (dicts, lists, tuples, strs and ints) written with :mod:`marshal`, which,
unlike a pickle, cannot run code when read.  The file's name is a hash (BLAKE2b) of everything the
tables depend on (the grammar text, the form of the tables, the Python version), so a
changed grammar never reads a stale file.  Nothing here can stop a
parse: a missing, unreadable, corrupt or unwritable cache only means the tables are built
in memory, as without a cache.

The directory is ``$GIAR_PARSE_CACHE_DIR`` where set (set it empty to switch the cache
off), else ``$XDG_CACHE_HOME/giar-parse`` or ``~/.cache/giar-parse``
(``%LOCALAPPDATA%/giar-parse`` on Windows).  The file is read only from a directory of
the user's own that no other user can write to (so nobody else chooses the tables), and it is written
atomically (a temporary file renamed into place): processes starting together never
read half a file.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
from collections.abc import Callable
from typing import Any, TypeVar

try:  # the hash hashlib.blake2b is, without loading OpenSSL (hashlib's import) on every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover (Pythons without the module)
    from hashlib import blake2b

__all__ = ["ENVIRONMENT", "cache_dir", "cached"]

#: The environment variable naming the cache directory ("" switches the cache off).
ENVIRONMENT = "GIAR_PARSE_CACHE_DIR"
_PREFIX = "grammar-"
_SUFFIX = ".tables"
# the cache's files: tables, and the pickled Lark parsers earlier versions wrote
_SUFFIXES = (_SUFFIX, ".lark.pickle")
# a file no process has written for this long is another grammar's, no longer in use
_KEEP_SECONDS = 30 * 24 * 3600


def cache_dir() -> str | None:
    """The directory for cached grammars, or None where caching is switched off."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return chosen if chosen.strip() else None
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return os.path.join(os.environ["LOCALAPPDATA"], "giar-parse")
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if not base:
        home = os.path.expanduser("~")
        if home.startswith("~"):  # no home directory
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "giar-parse")


def _private(directory: str) -> bool:
    """True for a directory of this user's that no other user can write into (a pickle may be read)."""
    try:
        status = os.stat(directory)
    except OSError:
        return False
    mode = status.st_mode
    if os.name == "nt":  # no POSIX owner or mode bits; %LOCALAPPDATA% is the user's own
        return stat.S_ISDIR(mode)
    if status.st_uid != os.getuid():
        return False
    return stat.S_ISDIR(mode) and not mode & (stat.S_IWGRP | stat.S_IWOTH)


T = TypeVar("T")


def _load(path: str) -> Any:
    try:
        with open(path, "rb") as file:
            return marshal.loads(file.read())
    except Exception:  # any damage to the file means: build the tables anew
        return None


def _save(data: Any, directory: str, path: str) -> None:
    # only a process that built the tables writes them: its modules are imported here
    import tempfile  # noqa: PLC0415
    import time  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        if not _private(directory):
            return
        with tempfile.NamedTemporaryFile(dir=directory, prefix=f".{_PREFIX}", delete=False) as file:
            temporary = Path(file.name)
            try:
                marshal.dump(data, file)
            except BaseException:
                file.close()
                temporary.unlink(missing_ok=True)
                raise
        os.replace(temporary, path)
        # files of other grammars or Lark versions are left for a while: two installations
        # sharing the directory must not evict each other's file on every start
        for suffix in _SUFFIXES:
            for old in Path(directory).glob(f"{_PREFIX}*{suffix}"):
                if old != Path(path) and time.time() - old.stat().st_mtime > _KEEP_SECONDS:
                    old.unlink(missing_ok=True)
    except Exception:  # a cache that cannot be written is only slower
        pass


def cached(
    key: str, build: Callable[[], T], directory: str | os.PathLike[str] | None, valid: Callable[[object], bool]
) -> T:
    """The data stored under ``key`` in ``directory`` where ``valid``, or ``build()`` (then stored there).

    ``key`` names everything the data depends on; ``directory`` None means no cache.
    ``build`` returns plain data that :mod:`marshal` can write.
    """
    if directory is None:
        return build()
    folder = os.fspath(directory)
    digest = blake2b(key.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    path = os.path.join(folder, f"{_PREFIX}{digest}{_SUFFIX}")
    if _private(folder):
        loaded = _load(path)
        if loaded is not None and valid(loaded):
            return loaded  # type: ignore[no-any-return]
    data = build()
    _save(data, folder, path)
    return data
