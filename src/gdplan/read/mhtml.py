"""MHTML (``.mhtml``/``.mht``): a web page saved as one file by a browser ("Webpage, single
file") or by Word ("Single File Web Page").

It is a MIME message (``multipart/related``): the page is its first ``text/html`` part,
quoted-printable or base64, in the charset its ``Content-Type`` names (or the page's own
``<meta>``); images and style sheets are the other parts. The page is then read as any
saved page (:mod:`gdplan.read.html`).
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message

from gdplan.errors import InputError
from gdplan.read.decode import Decoded, decode_plausibly
from gdplan.read.html import charset_codec, decode_html


def mhtml_page(data: bytes, source: str) -> Decoded:
    """The decoded HTML text of the archive's page."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    part = _first_html_part(message)
    if part is None:
        raise InputError("is a web archive (MHTML) without an HTML page in it", source=source)
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):  # pragma: no cover - a leaf part always decodes to bytes
        raise InputError("is a damaged web archive (MHTML): its page cannot be decoded", source=source)
    declared = charset_codec(part.get_content_charset())
    if declared is not None:
        text = decode_plausibly(payload, declared)
        if text is not None:
            return Decoded(text, declared)
    return decode_html(payload, source)


def _first_html_part(message: Message) -> Message | None:
    for part in message.walk():
        if part.get_content_type() == "text/html" and not part.is_multipart():
            return part
    return None
