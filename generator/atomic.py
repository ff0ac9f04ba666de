"""Write generated output safely: atomically to a file, or to standard output when that makes sense.

A file is written to a temporary file in the same folder, flushed to disk, and moved over the target with
:func:`os.replace`, so a failure never leaves a partial or truncated file.  Binary output (PDF, Word) is
refused on a terminal, where it would only print garbage.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

from generator.errors import UserError, display_path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; on any failure the old file (if any) is untouched."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"-o {display_path(path)}: the folder {display_path(folder)} does not exist")
    if path.is_dir():
        raise UserError(f"-o {display_path(path)}: is a folder; give a file name")
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise UserError(f"-o {display_path(path)}: cannot write there ({error.strerror})") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UserError(f"-o {display_path(path)}: could not write the file ({error.strerror}); "
                        "nothing was changed") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def emit(data: bytes, output: Path | None, *, binary: bool, what: str,
         stdout: BinaryIO | None = None) -> None:
    """Write ``data`` to ``output`` atomically, or to standard output.

    Binary formats refuse to go to a terminal: ``what`` names the format in the message.
    """
    if output is not None and str(output) != "-":
        write_atomic(output, data)
        return
    stream = stdout if stdout is not None else sys.stdout.buffer
    if binary and stream.isatty():
        raise UserError(f"{what} output is binary and would garble the terminal; "
                        "write it to a file with -o FILE (or pipe it)")
    stream.write(data)
    stream.flush()
