"""A Patchwork check per patch: the JSON of Patchwork's checks API
(state, target_url, context, description), written beside the reply and,
when git config names a server (mmcheck.patchwork.url, .token), posted to
its REST API: the patch found by its Message-ID, then
'POST /api/<version>/patches/<id>/checks/' with 'Authorization: Token'.

The shape follows Patchwork 2.0 and later (REST API 1.0 to 1.3: the checks
endpoint and its four fields are unchanged since 1.0; the msgid filter of
the patch list needs API 1.1, Patchwork 2.1).  Only the standard library
is used: urllib, JSON.
"""
import json
import urllib.error
import urllib.parse
import urllib.request

CONTEXT = "mmcheck"
API = "1.1"
DESCRIPTION_MAX = 255          # Patchwork's column width


class PatchworkError(Exception):
    pass


def check(state, description, target_url=None):
    """One check object; state is success, warning or fail."""
    assert state in ("success", "warning", "fail", "pending")
    return {"state": state, "target_url": target_url or "", "context": CONTEXT,
            "description": description[:DESCRIPTION_MAX]}


class Server:
    def __init__(self, url, token, project=None, timeout=30):
        self.url, self.token, self.project, self.timeout = url.rstrip("/"), token, project, timeout

    def _call(self, method, path, query=None, body=None):
        url = "%s/api/%s/%s" % (self.url, API, path)
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(url, data=data, method=method)
        req.add_header("Accept", "application/json")
        req.add_header("Authorization", "Token %s" % self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                return json.loads(r.read().decode("utf-8") or "null")
        except urllib.error.HTTPError as e:
            raise PatchworkError("%s %s: HTTP %d" % (method, path, e.code))
        except (urllib.error.URLError, OSError, ValueError) as e:
            raise PatchworkError("%s %s: %s" % (method, path, getattr(e, "reason", e)))

    def patch_id(self, msgid):
        query = {"msgid": msgid}
        if self.project:
            query["project"] = self.project
        found = self._call("GET", "patches/", query)
        if not isinstance(found, list) or not found or not isinstance(found[0], dict) \
                or not isinstance(found[0].get("id"), int):
            raise PatchworkError("no patch with Message-ID <%s> on %s" % (msgid, self.url))
        return found[0]["id"]

    def post(self, msgid, chk):
        pid = self.patch_id(msgid)
        self._call("POST", "patches/%d/checks/" % pid, body=chk)
        return pid
