"""Sweeps: many scenarios × many assumptions and parameters, each cell a full Monte Carlo run.

`spec` reads a sweep file and expands it into cells with their own seeds; `cell` runs one cell;
`journal` persists finished cells so a rerun skips them; `run` schedules cells in this process or
on a Dask cluster; `summary` writes the HTML summary (heat maps and flips).
"""
