def load(d):
    try:
        return d["config"]
    except KeyError:
        raise ValueError("config missing")

load({})
