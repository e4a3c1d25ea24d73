"""xml.parsers.expat: the error minidom raises for malformed documents.
(The full pyexpat parser object is not provided; xml.etree and
xml.dom.minidom use the native _expat tokenizer.)"""

import _expat

EXPAT_VERSION = _expat.EXPAT_VERSION


class ExpatError(Exception):
    code = None
    lineno = None
    offset = None


ExpatError.__module__ = "xml.parsers.expat"
error = ExpatError
