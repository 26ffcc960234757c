"""The Faust layer: the app built from settings (:mod:`.app`), its topics (:mod:`.topics`), the
thin agents over the stage functions (:mod:`.agents`), the consumer's fetch wait
(:mod:`.transport`) and the event-loop watch (:mod:`.loop_lag`).

Import-light on purpose: :mod:`agents.local.processes` reads :data:`MODEL_LOADED` (and the demo
:data:`RULE_LOGGED`) without loading Faust or the model.
"""

#: What a worker logs once its model is loaded; :mod:`agents.local.processes` waits for it.
MODEL_LOADED = "copydesk: model loaded"
#: What a worker logs for each rule it reads: "copydesk: rule ID: in force" (or "removed").
RULE_LOGGED = "copydesk: rule"
