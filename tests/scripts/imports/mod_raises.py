print("mod_raises: starting")
raise RuntimeError("module failed to import")
