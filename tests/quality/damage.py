"""Damage done the way systems do it, for tests and benchmarks: bytes of one codec misread."""

from __future__ import annotations

#: cp1252 leaves five bytes undefined; lenient decoders (browsers, ftfy's sloppy codecs) pass
#: them through as the C1 controls of the same number.
_CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def misread(text: str, codec: str, read_as: str) -> str:
    """``text`` encoded in ``codec``, its bytes then decoded as ``read_as`` (Latin-1 or cp1252)."""
    data = text.encode(codec)
    if read_as == "latin-1":
        return data.decode("latin-1")
    return "".join(
        chr(byte) if byte < 0x80 or byte in _CP1252_UNDEFINED else bytes([byte]).decode("cp1252")
        for byte in data
    )
