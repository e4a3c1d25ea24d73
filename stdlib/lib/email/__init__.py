"""A small part of the email package: the header container (email.message)
and date formatting (email.utils), as far as HTTP needs them."""


def message_from_string(text, _class=None):
    """Parse headers (and a body after the first blank line) from text."""
    from email.message import Message, _parse_header_lines
    msg = (_class or Message)()
    head, _, body = text.replace("\r\n", "\n").partition("\n\n")
    _parse_header_lines(msg, head.splitlines(True))
    msg.set_payload(body)
    return msg
