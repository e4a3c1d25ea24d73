NAME = "ipkg"
