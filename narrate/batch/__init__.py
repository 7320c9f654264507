"""Batch: many articles into one output folder, in parallel, resumable.

``sources`` turns a folder, a CSV/JSONL manifest or an RSS/Atom feed into items; ``runner`` narrates
them in worker processes or on a Dask cluster (start here: :func:`~narrate.batch.runner.run_batch`);
``jobs`` keeps the job record that makes a run resumable.

Takes: a batch source. Gives: episodes, a rebuilt feed and a summary.
May import: every stage, :mod:`narrate.pipeline` and :mod:`narrate.config`; never the CLI.
"""
