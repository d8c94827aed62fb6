"""Use cases: what Limber does for a person, one module per feature.

Every public coroutine of a use case is exactly one unit of work (`bot.store.unit_of_work`); a
helper that runs inside another use case's unit of work takes the `uow`, never a connection.
Adapters never call these directly: they call the router, `bot.coach.Coach`.
"""
