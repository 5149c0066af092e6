"""A Gymnasium-like client for plantwin's environments over HTTP/JSON, standard library only.

    from plantwin_env import PlantwinEnv
    env = PlantwinEnv("http://127.0.0.1:8080", "jobshop", jobs=6, machines=6)
    obs, info = env.reset(seed=42)
    done = False
    while not done:
        mask = info["action_mask"]
        action = mask.index(True)                    # any job whose mask is true
        obs, reward, terminated, truncated, info = env.step(action)
        done = terminated or truncated
    env.close()

Spaces are plain dicts, e.g. {"type": "Discrete", "n": 6} and
{"type": "Box", "low": 0.0, "high": "inf", "shape": [33], "dtype": "float32"}. Observations are lists of floats.
The mask of the allowed actions comes in info["action_mask"] (a list of booleans), as in Gymnasium's masking
convention. Errors raise PlantwinError with the server's problem document (RFC 9457).
"""

import http.client
import json
import socket
import urllib.parse

__all__ = ["PlantwinEnv", "PlantwinError"]


class PlantwinError(Exception):
    """An HTTP error from the server; .status and .problem (the problem+json document as a dict)."""

    def __init__(self, status, problem):
        super().__init__("%s %s: %s" % (status, problem.get("title", ""), problem.get("detail", problem)))
        self.status = status
        self.problem = problem


class PlantwinEnv:
    """One environment on a plantwin server. kind: "jobshop", "dispatch" or "replenishment"; params as keywords
    (e.g. jobs=6, machines=6, or instance=<JSPLIB text>; reward="makespan"). One persistent connection."""

    def __init__(self, base_url, kind, token=None, timeout=60.0, **params):
        u = urllib.parse.urlsplit(base_url)
        if u.scheme != "http":
            raise ValueError("Only http:// URLs are supported (got %r)." % base_url)
        self._host, self._port = u.hostname, u.port or 80
        self._prefix = u.path.rstrip("/")
        self._timeout = timeout
        self._headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if token:
            self._headers["Authorization"] = "Bearer " + token
        self._conn = None
        created = self._call("POST", "/envs", {"kind": kind, "params": params})
        self.id = created["id"]
        self.kind = created["kind"]
        self.observation_space = created["observationSpace"]
        self.action_space = created["actionSpace"]

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        for attempt in (0, 1):
            if self._conn is None:
                self._conn = http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)
                self._conn.connect()
                # Small request/response pairs: do not let Nagle's algorithm wait for delayed ACKs.
                self._conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                self._conn.request(method, self._prefix + path, body=data, headers=self._headers)
                resp = self._conn.getresponse()
                raw = resp.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection: reconnect once.
                self._conn.close()
                self._conn = None
                if attempt == 1:
                    raise
        if resp.status >= 400:
            try:
                problem = json.loads(raw.decode("utf-8"))
            except ValueError:
                problem = {"detail": raw.decode("utf-8", "replace")}
            raise PlantwinError(resp.status, problem)
        return json.loads(raw.decode("utf-8")) if raw else None

    def reset(self, seed=None, options=None):
        """Starts an episode; returns (observation, info) with info["action_mask"]."""
        body = {}
        if seed is not None:
            body["seed"] = int(seed)
        if options:
            body["options"] = options
        r = self._call("POST", "/envs/%s/reset" % self.id, body)
        info = dict(r["info"])
        info["action_mask"] = r["actionMask"]
        return r["observation"], info

    def step(self, action):
        """Applies an action (int, or a list of ints for MultiDiscrete); returns
        (observation, reward, terminated, truncated, info) with info["action_mask"]."""
        if not isinstance(action, int):
            action = [int(a) for a in action]
        r = self._call("POST", "/envs/%s/step" % self.id, {"action": action})
        info = dict(r["info"])
        info["action_mask"] = r["actionMask"]
        return r["observation"], r["reward"], r["terminated"], r["truncated"], info

    def close(self):
        """Deletes the environment on the server and closes the connection."""
        if self._conn is not None or self.id:
            try:
                self._call("DELETE", "/envs/%s" % self.id)
            finally:
                if self._conn is not None:
                    self._conn.close()
                    self._conn = None
                self.id = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
