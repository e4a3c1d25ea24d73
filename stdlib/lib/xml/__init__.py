"""XML processing: xml.etree.ElementTree over the native _expat tokenizer."""
