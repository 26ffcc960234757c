"""Reaching the broker within a bounded time, and saying in one line why not.

kafka-python retries a broker that cannot be reached until its bootstrap timeout, logging each
failure, and then raises ``KafkaTimeoutError: Unable to bootstrap``, which says nothing of why.
Two things here make that a message a person can act on:

- :func:`preflight` opens a TCP connection (and a TLS handshake when TLS is on) to each bootstrap
  server, each bounded by ``broker_timeout``: no such host, connection refused, no answer, a
  certificate that is not trusted or names another host, a listener that does not speak TLS. It
  also bounds a wait kafka-python does not: its TLS handshake has no timeout, so a TLS client
  pointed at a plaintext listener waited forever (kafka-python 3.0.12, measured).
- :func:`broker_errors` watches kafka-python's log while a client connects or works, and turns a
  ``KafkaError`` into :class:`KafkaUnavailable` naming the most telling failure it logged: the
  broker refused the SASL login, does not offer the mechanism, closed the connection (it wants
  TLS or SASL), or accepted the connection but never answered as Kafka does (not a Kafka port).

The commands silence kafka-python's own log (:func:`quiet_kafka_logging`): their promise is one
line on failure, and these messages are that line.
"""

from __future__ import annotations

import logging
import socket
import ssl
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

from kafka.errors import (
    AuthorizationError,
    KafkaConnectionError,
    KafkaError,
    RequestTimedOutError,
    SaslAuthenticationFailedError,
    UnsupportedSaslMechanismError,
)

from agents.errors import CopydeskError
from agents.kafka.security import ssl_context
from agents.settings import ENV_PREFIX, Settings


class KafkaUnavailable(CopydeskError):
    """The broker could not be reached, refused us, or went away."""


def quiet_kafka_logging() -> None:
    """Keep kafka-python's log lines off stderr (without handlers Python prints warnings there):
    :func:`broker_errors` reads them and says what went wrong in one line."""
    logger = logging.getLogger("kafka")
    logger.propagate = False
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def preflight(settings: Settings) -> None:
    """Raise :class:`KafkaUnavailable` unless some bootstrap server accepts a connection (and
    completes a TLS handshake when TLS is on) within ``broker_timeout`` seconds."""
    if settings in _reached:
        return
    problem = reachable(settings)
    if problem:
        raise KafkaUnavailable(f"cannot reach the broker at {settings.broker}: {problem}")
    _reached.add(settings)


#: Settings whose broker passed :func:`preflight` in this process (one check per command).
_reached: set[Settings] = set()


def reachable(settings: Settings) -> str | None:
    """None when some bootstrap server accepts a connection (and a TLS handshake), else why
    none does."""
    context = ssl_context(settings)
    problems = []
    for host, port in settings.broker_servers:
        problem = _try_server(host, port, context, settings.broker_timeout)
        if problem is None:
            return None
        problems.append(f"{host}:{port} {problem}")
    return "; ".join(problems)


def _try_server(host: str, port: int, context: ssl.SSLContext | None, timeout: float) -> str | None:
    """Why ``host:port`` cannot be used, or None when it can."""
    deadline = time.monotonic() + timeout
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except socket.gaierror:
        return "is not a host name that resolves: check COPYDESK_BROKER"
    except ConnectionRefusedError:
        return "refused the connection: nothing listens there; is the broker running?"
    except TimeoutError:
        return f"did not accept a connection within {timeout:g} s ({ENV_PREFIX}BROKER_TIMEOUT)"
    except OSError as exc:
        return f"cannot be connected to ({exc.strerror or exc})"
    with sock:
        if context is None:
            return None
        try:
            sock.settimeout(max(0.1, deadline - time.monotonic()))
            with context.wrap_socket(sock, server_hostname=host):
                return None
        except ssl.SSLCertVerificationError as exc:
            if "mismatch" in (exc.verify_message or "") or "hostname" in str(exc).lower():
                return (
                    f"presented a certificate for another name ({exc.verify_message}): connect "
                    f"by a name on the certificate, or set {ENV_PREFIX}TLS_CHECK_HOSTNAME=no"
                )
            return (
                f"presented a certificate that is not trusted ({exc.verify_message}): give its "
                f"CA with {ENV_PREFIX}TLS_CA_FILE"
            )
        except TimeoutError:
            return (
                f"gave no TLS answer within {timeout:g} s: is it a TLS listener? "
                f"({ENV_PREFIX}TLS=no for a plaintext one)"
            )
        except (ssl.SSLError, ConnectionError) as exc:
            reason = getattr(exc, "reason", None) or exc.__class__.__name__
            return (
                f"did not complete a TLS handshake ({reason}): is it a TLS listener? "
                f"({ENV_PREFIX}TLS=no for a plaintext one)"
            )
        except OSError as exc:
            return f"failed in the TLS handshake ({exc.strerror or exc})"


class _Watch(logging.Handler):
    """Collects the exceptions kafka-python logs while it connects and works (the latest
    ``keep``: a ``tail`` left running through hours of a flapping broker stays small)."""

    def __init__(self, keep: int = 200) -> None:
        super().__init__(logging.DEBUG)
        self._recent: deque[BaseException] = deque(maxlen=keep)
        self._count = 0

    @property
    def errors(self) -> list[BaseException]:
        return list(self._recent)

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        found = [arg for arg in args if isinstance(arg, BaseException)]
        if record.exc_info and record.exc_info[1] is not None:
            found.append(record.exc_info[1])
        if record.levelno >= logging.WARNING and "failed" in str(record.msg):
            # f-string messages ("Bootstrap attempt to 0 failed: ...") carry no exception
            found.append(KafkaError(record.getMessage()))
        self._recent.extend(found)
        self._count += len(found)

    def mark(self) -> int:
        return self._count

    def since(self, mark: int) -> list[BaseException]:
        """What was logged after :meth:`mark` returned ``mark`` (as much as is kept)."""
        new = min(self._count - mark, len(self._recent))
        return list(self._recent)[len(self._recent) - new :] if new > 0 else []


@contextmanager
def broker_errors(settings: Settings) -> Iterator[_Watch]:
    """Turn any ``KafkaError`` inside into :class:`KafkaUnavailable` with the reason kafka-python
    logged meanwhile; the watch it yields also tells a long-running command about trouble."""
    watch = _Watch()
    logger = logging.getLogger("kafka")
    logger.addHandler(watch)
    level = logger.level
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield watch
    except KafkaError as exc:
        raise KafkaUnavailable(explain(settings, exc, watch.errors)) from None
    finally:
        logger.removeHandler(watch)
        logger.setLevel(level)


def explain(settings: Settings, exc: BaseException, seen: list[BaseException]) -> str:
    """One line: what failed talking to the broker, and what to do about it."""
    waited = f"(waited {settings.broker_timeout:g} s, {ENV_PREFIX}BROKER_TIMEOUT)"
    where = f"the broker at {settings.broker}"
    user = settings.sasl_username
    mechanism = settings.sasl_mechanism
    candidates = [*seen, exc]

    def first(*kinds: type[BaseException]) -> BaseException | None:
        return next((e for e in reversed(candidates) if isinstance(e, kinds)), None)

    if first(SaslAuthenticationFailedError) or _scram_rejected(candidates):
        return (
            f"{where} refused the SASL {mechanism} login of user {user!r}: check "
            f"{ENV_PREFIX}SASL_USERNAME and the password"
        )
    if first(UnsupportedSaslMechanismError):
        return (
            f"{where} does not offer SASL {mechanism}: check {ENV_PREFIX}SASL_MECHANISM "
            "(unset it if the listener takes no SASL)"
        )
    denied = first(AuthorizationError)
    if denied:
        return (
            f"{where} denied {('user ' + repr(user)) if user else 'us'} access "
            f"({type(denied).__name__}): ask for the ACLs copydesk needs (docs/deployment.md)"
        )
    messages = [str(e) for e in reversed(candidates)]
    handshake = next((m for m in messages if "Handshake failed" in m), None)
    if handshake:
        reason = handshake.split("Handshake failed: ", 1)[-1]
        return f"cannot reach {where}: TLS handshake failed ({reason})"
    if any("socket disconnected" in m or "Connection reset" in m for m in messages):
        hints = []
        if not settings.tls:
            hints.append(f"TLS ({ENV_PREFIX}TLS=yes)")
        if not mechanism:
            hints.append(f"SASL ({ENV_PREFIX}SASL_MECHANISM)")
        else:
            hints.append(f"another SASL mechanism than {mechanism}")
        if settings.tls and not settings.tls_cert_file:
            hints.append(f"a client certificate ({ENV_PREFIX}TLS_CERT_FILE)")
        wants = f"it may want {' or '.join(hints)}, or " if hints else "it may "
        return f"{where} closed the connection: {wants}not be a Kafka listener {waited}"
    if first(RequestTimedOutError):
        return (
            f"{where} accepted the connection but gave no Kafka answer: is it a Kafka listener? "
            f"{waited}"
        )
    if any("ECONNREFUSED" in m or "Connection refused" in m for m in messages):
        return f"cannot reach {where}: connection refused; is the broker running? {waited}"
    if any("DNS" in m for m in messages):
        return f"cannot reach {where}: the host name does not resolve {waited}"
    if isinstance(exc, KafkaConnectionError) or "bootstrap" in str(exc).lower():
        return f"cannot reach {where} {waited}"
    return f"{where}: {type(exc).__name__}: {exc} {waited}"


def _scram_rejected(errors: list[BaseException]) -> bool:
    """kafka-python 3.0.12 fails with ``KeyError('v')`` when a SCRAM server's last message is an
    error (``e=unknown-user``, ``e=invalid-proof``) instead of its signature."""
    return any(isinstance(e, KeyError) and e.args == ("v",) for e in errors)
