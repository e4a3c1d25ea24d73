def leaf():
    return "sub ready"
