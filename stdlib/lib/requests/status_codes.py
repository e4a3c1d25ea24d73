"""requests.codes: status codes by name (codes.ok == 200,
codes.not_found == 404, codes['teapot'] == 418)."""

from http import HTTPStatus

from .structures import LookupDict

codes = LookupDict(name="status_codes")

# Names requests adds beside the lower-case HTTPStatus names.
_EXTRA = {200: ("okay", "all_ok", "all_okay", "all_good", "\\o/", "✓"),
          404: ("not_found", "-o-"), 418: ("im_a_teapot", "teapot", "i_am_a_teapot"),
          301: ("moved", "moved_permanently"), 302: ("found",), 500: ("server_error",),
          400: ("bad_request", "bad"), 401: ("unauthorized",), 403: ("forbidden",),
          429: ("too_many_requests", "too_many"), 503: ("service_unavailable", "unavailable")}

for _status in HTTPStatus:
    _names = (_status.name.lower(),) + _EXTRA.get(_status.value, ())
    for _name in _names:
        setattr(codes, _name, _status.value)
        if not _name.startswith(("\\", "/")):
            setattr(codes, _name.upper(), _status.value)
del _status, _names, _name
