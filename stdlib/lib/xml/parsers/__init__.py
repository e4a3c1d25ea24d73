"""xml.parsers: the expat error type shared by xml.dom.minidom."""
