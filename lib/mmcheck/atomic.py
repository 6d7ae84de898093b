"""Writing a file whole or not at all: into a temporary name in the same
directory, then renamed over the target.  A reader (another run, a mail
queue, a CI step) never sees half a report, a half-written state or a
half cache entry; an interrupted write leaves the old file."""
import os
import tempfile


def write(path, data, durable=False):
    """Replace path with data (bytes or str, UTF-8; a file name's bytes that
    are not, kept as surrogates, written back as they were); OSError on
    failure, with nothing left behind.  durable: fsync before the rename
    (state that must survive a crash)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)),
                               prefix="." + os.path.basename(path), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
