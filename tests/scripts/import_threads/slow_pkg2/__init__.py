top = "pkg2 top"
