"""Plain Kafka clients (kafka-python) for the commands that are not the Faust worker, and how every
client copydesk makes reaches the broker.

- :mod:`agents.kafka.security`: the client configuration (addresses, timeouts, TLS, SASL) for
  kafka-python and the Faust worker's credentials, from one place.
- :mod:`agents.kafka.connect`: reaching the broker within bounded time, and why not, in one line.
- :mod:`agents.kafka.clients`: producer, consumer and admin client; topics; reading topics.
- :mod:`agents.kafka.status`: what the broker knows of the pipeline (``copydesk status``).
"""
