"""The service: a store for scenarios, runs and evidence, a REST API and a web UI over the engines."""
