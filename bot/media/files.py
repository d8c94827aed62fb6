"""Media files as build artefacts: made once, atomically, under a lock, and checked before use.

`produce(path, make)` is the only way a media file comes to exist:

- a file already there is used only if it decodes (`decodes`: the first video frame of an MP4,
  the first audio frame of an OGG, the whole of a PNG); a file that does not is made again;
- the maker writes a unique temporary name in the same folder (pid and a random token), the result
  is checked, then renamed over the final name: a reader sees the whole file or none;
- a lock file per media file (`fcntl.flock`, so it holds across threads *and* processes) makes two
  renderers of one file take turns; the second finds the first's file and renders nothing.

A folder that cannot be written (read-only, no permission, full) raises `MediaUnavailableError`: the
caller shows the friendly "not available right now" instead of failing the tap.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

LOCKS = ".locks"
_UNWRITABLE = frozenset((errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT))


class MediaUnavailableError(Exception):
    """The media folder cannot hold a new file (read-only, no permission, disk full)."""


class CorruptRenderError(Exception):
    """A renderer produced a file that does not decode; nothing was kept."""


def decodes(path: Path) -> bool:
    """Whether *path* is a whole, playable file of its kind (by suffix)."""
    try:
        if path.stat().st_size == 0:
            return False
        if path.suffix == ".png":
            return _png_decodes(path)
        if path.suffix in (".mp4", ".ogg"):
            return _first_frame_decodes(path)
    except (OSError, ValueError):
        return False
    return True


def _png_decodes(path: Path) -> bool:
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.load()
    except Exception:  # Pillow raises many kinds for a broken file
        return False
    return True


def _first_frame_decodes(path: Path) -> bool:
    import av

    try:
        with av.open(str(path)) as container:
            for _frame in container.decode(container.streams[0]):
                return True
    except Exception:  # PyAV raises its own error per codec failure
        return False
    return False


class CheckedFiles:
    """Which files have decoded, by size and modification time: a file is decoded once per
    process and again whenever it changes, never trusted just because it exists."""

    def __init__(self, check: Callable[[Path], bool] = decodes) -> None:
        self._check = check
        self._seen: dict[Path, tuple[int, int]] = {}

    def good(self, path: Path) -> bool:
        try:
            stat = path.stat()
        except OSError:
            return False
        stamp = (stat.st_size, stat.st_mtime_ns)
        if self._seen.get(path) == stamp:
            return True
        if not self._check(path):
            self._seen.pop(path, None)
            return False
        self._seen[path] = stamp
        return True


def produce(
    path: Path,
    make: Callable[[Path], None],
    *,
    check: Callable[[Path], bool] = decodes,
) -> Path:
    """*path*, made by `make(temporary_path)` unless a good copy is already there (see module)."""
    if check(path):
        return path
    with _writable():
        path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(path):
            if check(path):
                return path  # another renderer made it while we waited
            temporary = path.with_name(
                f".{path.stem}.{os.getpid()}.{secrets.token_hex(4)}.tmp{path.suffix}"
            )
            try:
                make(temporary)
                if not check(temporary):
                    raise CorruptRenderError(path.name)
                os.replace(temporary, path)
            finally:
                temporary.unlink(missing_ok=True)
    return path


@contextmanager
def _writable() -> Iterator[None]:
    try:
        yield
    except OSError as error:
        if error.errno in _UNWRITABLE:
            raise MediaUnavailableError(error.strerror or "unwritable") from error
        raise


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    locks = path.parent / LOCKS
    locks.mkdir(exist_ok=True)
    with open(locks / f"{path.name}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
