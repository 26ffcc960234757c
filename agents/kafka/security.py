"""How every client copydesk makes reaches the broker: addresses, timeouts, TLS and SASL.

One place builds what each library needs from :class:`~agents.settings.Settings`:
:func:`client_config` for the kafka-python clients (``publish``, ``tail``, ``status``, the
worker's start-up check and any command to come), :func:`faust_credentials` for the Faust
worker (aiokafka underneath) and :func:`aiokafka_config` for the worker's rules reader. All use
the one TLS context :func:`ssl_context` builds, so a CA file, a client certificate or the
host-name check mean the same to every client.

The password travels as a :class:`Secret`: a ``str`` whose ``repr`` is masked. kafka-python logs
its whole configuration at DEBUG (``Starting KafkaAdminClient with configuration: {...}``); with a
``Secret`` in it, that line shows ``'***'``.
"""

from __future__ import annotations

import ssl
from importlib.metadata import version
from typing import Any

from agents.errors import ConfigError
from agents.settings import ENV_PREFIX, Settings


class Secret(str):
    """A string that does not show itself in a ``repr`` (logged dicts, tracebacks' locals)."""

    def __repr__(self) -> str:
        return "'***'"


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context for the broker connection, or None when TLS is off.

    The system's CAs unless ``tls_ca_file`` names one (then it alone); the client certificate and
    key when given; the host-name check as ``tls_check_hostname`` says (the certificate is
    verified either way).
    """
    if not settings.tls:
        return None
    try:
        # With a CA file, that CA alone is trusted (as kafka-python's own ssl_cafile does).
        context = ssl.create_default_context(cafile=settings.tls_ca_file or None)
    except ssl.SSLError as exc:
        raise ConfigError(
            f"{ENV_PREFIX}TLS_CA_FILE: not a usable PEM certificate ({exc.reason or exc})"
        ) from None
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        if settings.tls_cert_file:
            context.load_cert_chain(settings.tls_cert_file, settings.tls_key_file or None)
    except ssl.SSLError as exc:
        raise ConfigError(
            f"{ENV_PREFIX}TLS_CERT_FILE/TLS_KEY_FILE: not a usable PEM certificate and key "
            f"({exc.reason or exc})"
        ) from None
    context.check_hostname = settings.tls_check_hostname
    return context


def client_config(settings: Settings) -> dict[str, Any]:
    """Keyword arguments every kafka-python client (producer, consumer, admin) accepts:
    where the broker is, how long to wait for it, and how to authenticate."""
    timeout_ms = int(settings.broker_timeout * 1000)
    config: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "client_id": f"copydesk-{version('copydesk')}",
        "bootstrap_timeout_ms": timeout_ms,
        "request_timeout_ms": timeout_ms,
        "security_protocol": settings.security_protocol,
    }
    context = ssl_context(settings)
    if context is not None:
        config["ssl_context"] = context
        config["ssl_check_hostname"] = settings.tls_check_hostname
    if settings.sasl_mechanism:
        config["sasl_mechanism"] = settings.sasl_mechanism
        config["sasl_plain_username"] = settings.sasl_username
        config["sasl_plain_password"] = Secret(settings.sasl_secret())
    return config


def aiokafka_config(settings: Settings) -> dict[str, Any]:
    """:func:`client_config` for an aiokafka client of our own in the worker (the rules
    reader): the same broker, timeout, TLS and SASL, less what only kafka-python knows."""
    config = client_config(settings)
    for kafka_python_only in ("bootstrap_timeout_ms", "ssl_check_hostname"):
        config.pop(kafka_python_only, None)
    return config


def faust_credentials(settings: Settings) -> Any:
    """Faust's ``broker_credentials`` for these settings: ``None`` (plaintext),
    ``faust.SSLCredentials`` (TLS) or ``faust.SASLCredentials`` (SASL, over TLS when it is on)."""
    import faust

    context = ssl_context(settings)
    if settings.sasl_mechanism:
        return faust.SASLCredentials(
            username=settings.sasl_username,
            password=Secret(settings.sasl_secret()),
            mechanism=settings.sasl_mechanism,
            ssl_context=context,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None
