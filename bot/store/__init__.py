"""The one data layer: SQLAlchemy 2 async models, the engine and unit of work, and queries."""
