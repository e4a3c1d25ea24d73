"""URL handling: parse (splitting and quoting), request (urlopen), error."""
